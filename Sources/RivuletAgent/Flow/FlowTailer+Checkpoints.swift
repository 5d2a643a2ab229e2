/// Starting from the checkpoints, and writing them.
extension FlowTailer {
    /// Picks up where the last run left off. Each checkpointed file is looked for by device and inode among the
    /// pattern's matches and, failing that, in its directory (renamed away or copied while the agent was down),
    /// always checking its first bytes so a reused inode is not mistaken for it. Files the pattern matches and no
    /// checkpoint claims start at the initial position on the flow's first start, and from their start after.
    func restore(nowMilliseconds now: Int64) async throws {
        let started = try await store.startFlow(
            flow.identifier, streamName: flow.streamName, nowMilliseconds: now)
        flowIsNew = started.isNew
        var matches: [FileIdentity: (path: String, status: FileStatus)] = [:]
        for path in pattern.enumerateMatches(limit: AgentLimits.filesPerFlowMax) {
            guard let status = FileStatus.of(path: path), status.isRegularFile else { continue }
            matches[status.identity] = (path, status)
        }
        var unresolved: [FileCheckpoint] = []
        for checkpoint in try await store.checkpoints(flow: flow.identifier) {
            let identity = FileIdentity(device: checkpoint.device, inode: checkpoint.inode)
            if let match = matches[identity],
                resume(checkpoint, path: match.path, status: match.status, nowMilliseconds: now)
            {
                matches[identity] = nil
                continue
            }
            unresolved.append(checkpoint)
        }
        for checkpoint in unresolved where !resumeInDirectory(checkpoint, nowMilliseconds: now) {
            let identity = FileIdentity(device: checkpoint.device, inode: checkpoint.inode)
            removedIdentities.append(identity)
            if checkpoint.offsetBytes < checkpoint.sizeBytes {
                logger.warning(
                    "\(checkpoint.path) is gone with \(checkpoint.sizeBytes - checkpoint.offsetBytes) bytes not sent")
            }
        }
        for (_, match) in matches.sorted(by: { $0.value.path < $1.value.path })
        where keysByIdentity[match.status.identity] == nil {
            let start: Int64 =
                flowIsNew && flow.initialPosition == .endOfFile ? match.status.sizeBytes : 0
            track(path: match.path, status: match.status, startOffsetBytes: start, nowMilliseconds: now)
        }
        lastDiscoveryMilliseconds = now
    }

    /// Resumes `checkpoint` in the file at `path` if that file still holds the checkpointed content.
    private func resume(_ checkpoint: FileCheckpoint, path: String, status: FileStatus, nowMilliseconds now: Int64)
        -> Bool
    {
        guard status.sizeBytes >= checkpoint.offsetBytes, keysByIdentity[status.identity] == nil,
            let opened = try? OpenedFile(path: path), let fingerprint = try? opened.fingerprint()
        else { return false }
        let stored = FileFingerprint(storedPrefix: checkpoint.contentPrefix)
        let sameContent =
            fingerprint.sameContentPrefix(as: stored) || (stored.isEmpty && checkpoint.offsetBytes == 0)
        opened.close()
        guard sameContent else { return false }
        guard let file = track(
            path: path, status: status, startOffsetBytes: checkpoint.offsetBytes, nowMilliseconds: now)
        else { return false }
        if !file.isReading {
            promoteCopy(file, startOffsetBytes: checkpoint.offsetBytes, nowMilliseconds: now)
        }
        if status.identity != FileIdentity(device: checkpoint.device, inode: checkpoint.inode) {
            removedIdentities.append(FileIdentity(device: checkpoint.device, inode: checkpoint.inode))
            logger.info("\(checkpoint.path) continues in \(path), a copy of it, at offset \(checkpoint.offsetBytes)")
        }
        return true
    }

    /// Looks in the checkpointed file's directory for it (same inode, renamed) or for a copy of it (same first
    /// bytes), and resumes there.
    private func resumeInDirectory(_ checkpoint: FileCheckpoint, nowMilliseconds now: Int64) -> Bool {
        let identity = FileIdentity(device: checkpoint.device, inode: checkpoint.inode)
        let directory = Self.directory(of: checkpoint.path)
        var candidates: [(path: String, status: FileStatus)] = []
        for entry in DirectoryEntry.list(directory: directory) ?? [] {
            let path = directory == "/" ? "/" + entry.name : directory + "/" + entry.name
            guard let status = FileStatus.of(path: path), status.isRegularFile,
                keysByIdentity[status.identity] == nil
            else { continue }
            candidates.append((path, status))
        }
        if let renamed = candidates.first(where: { $0.status.identity == identity }),
            resume(checkpoint, path: renamed.path, status: renamed.status, nowMilliseconds: now)
        {
            return true
        }
        guard !checkpoint.contentPrefix.isEmpty else { return false }
        for candidate in candidates.sorted(by: { $0.status.modifiedMilliseconds > $1.status.modifiedMilliseconds })
        where candidate.status.identity != identity {
            if resume(checkpoint, path: candidate.path, status: candidate.status, nowMilliseconds: now) {
                return true
            }
        }
        return false
    }

    /// Writes the checkpoint of every file whose acknowledged offset or name changed, and deletes the rows of
    /// files let go of, in one transaction.
    func saveCheckpoints(nowMilliseconds now: Int64) async throws {
        var changed: [(TailedFile, Int64)] = []
        for file in files.values where file.copiedKey == nil {
            guard let progress = ledger.progress(file.key) else { continue }
            let offset = progress.acknowledgedOffsetBytes
            if offset != file.savedOffsetBytes || file.path != file.savedPath {
                changed.append((file, offset))
            }
        }
        lastCheckpointMilliseconds = now
        guard !changed.isEmpty || !removedIdentities.isEmpty else { return }
        let rows = changed.map { file, offset in
            FileCheckpoint(
                path: file.path, device: file.identity.device, inode: file.identity.inode,
                contentPrefix: file.fingerprint.prefixBytes, offsetBytes: offset, sizeBytes: file.sizeBytes,
                updatedMilliseconds: now)
        }
        // A row deleted and written in the same save (an inode that now holds a new file) ends up written: the
        // store deletes first.
        let removed = removedIdentities.map { (device: $0.device, inode: $0.inode) }
        try await store.save(rows, removing: removed, flow: flow.identifier)
        removedIdentities = []
        for (file, offset) in changed {
            file.savedOffsetBytes = offset
            file.savedPath = file.path
        }
    }
}
