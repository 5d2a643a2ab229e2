/// Finding files and following them through rotation.
extension FlowTailer {
    /// Looks at what the pattern matches now: truncations first (so a copytruncate's copy is claimed by its
    /// original before it could be taken for a new file), then renames, new files, and files gone from the pattern.
    func discover(nowMilliseconds now: Int64) {
        for file in Array(files.values) where file.isReading {
            guard let status = file.opened.flatMap({ try? $0.status() }) else { continue }
            file.sizeBytes = status.sizeBytes
            // The first bytes are compared at every look, not only when the size changed: a file truncated and
            // written again up to the same size between two looks has the same size and other content.
            if !contentStillMatches(file) {
                handleTruncation(of: file, nowMilliseconds: now)
            }
        }
        var seen = Set<FileIdentity>()
        for path in pattern.enumerateMatches(limit: AgentLimits.filesPerFlowMax) {
            guard let status = FileStatus.of(path: path), status.isRegularFile else { continue }
            seen.insert(status.identity)
            if let key = keysByIdentity[status.identity], let file = files[key] {
                file.path = path
                file.isMatched = true
                if case .dormant = file.role, status.sizeBytes != file.sizeBytes {
                    reopen(file, nowMilliseconds: now)
                }
                continue
            }
            track(path: path, status: status, startOffsetBytes: 0, nowMilliseconds: now)
        }
        for file in Array(files.values) where !seen.contains(file.identity) {
            file.isMatched = false
            if case .dormant = file.role {
                // Read, acknowledged and closed, and now gone from the pattern: nothing of it is left to send.
                files[file.key] = nil
                keysByIdentity[file.identity] = nil
                ledger.close(file.key)
                removedIdentities.append(file.identity)
            }
        }
        refreshCopies(nowMilliseconds: now)
    }

    /// Starts tracking a file not known before: as a copy of a file being read if it starts with that file's
    /// bytes, otherwise read from `startOffsetBytes`.
    @discardableResult
    func track(path: String, status: FileStatus, startOffsetBytes: Int64, nowMilliseconds now: Int64) -> TailedFile? {
        guard files.count < AgentLimits.filesPerFlowMax else { return nil }
        let opened: OpenedFile
        let fingerprint: FileFingerprint
        do {
            opened = try OpenedFile(path: path)
            fingerprint = try opened.fingerprint()
        } catch {
            logger.warning("cannot open \(path): \(error)")
            return nil
        }
        // The descriptor must be the file that was looked at: a rename in between would swap content.
        guard (try? opened.status())?.identity == status.identity else {
            opened.close()
            return nil
        }
        let original = files.values.first { $0.isReading && $0.fingerprint.sameContentPrefix(as: fingerprint) }
        let role: TailedFile.Role = original.map { .copy(ofKey: $0.key) } ?? .reading
        let start = min(startOffsetBytes, status.sizeBytes)
        let splitter: RecordSplitter
        do {
            splitter = try RecordSplitter(framing: flow.framing, startOffset: start)
        } catch {
            preconditionFailure("patterns were checked with the configuration: \(error)")
        }
        let file = TailedFile(
            key: allocateKey(), path: path, identity: status.identity, fingerprint: fingerprint, opened: opened,
            role: role, readOffsetBytes: start, splitter: splitter, sizeBytes: status.sizeBytes,
            nowMilliseconds: now)
        file.isMatched = pattern.matches(path)
        files[file.key] = file
        keysByIdentity[status.identity] = file.key
        ledger.open(file.key, startOffsetBytes: start)
        if let original {
            logger.info("\(path) starts with the bytes of \(original.path): held as its copy, not read")
        } else {
            logger.info("tailing \(path) from offset \(start)")
        }
        return file
    }

    /// A held copy that no longer looks like one (its bytes differ from the original's, or the original is gone)
    /// is read like any file.
    private func refreshCopies(nowMilliseconds now: Int64) {
        for file in files.values {
            guard let originalKey = file.copiedKey else { continue }
            if let status = file.opened.flatMap({ try? $0.status() }) { file.sizeBytes = status.sizeBytes }
            if let current = file.opened.flatMap({ try? $0.fingerprint() }) { file.fingerprint = current }
            guard let original = files[originalKey], original.isReading else {
                promoteCopy(file, startOffsetBytes: 0, nowMilliseconds: now)
                continue
            }
            if !file.fingerprint.sameContentPrefix(as: original.fingerprint) {
                promoteCopy(file, startOffsetBytes: 0, nowMilliseconds: now)
            }
        }
    }

    func promoteCopy(_ file: TailedFile, startOffsetBytes: Int64, nowMilliseconds now: Int64) {
        let start = min(startOffsetBytes, file.sizeBytes)
        file.role = .reading
        file.readOffsetBytes = start
        file.splitter = Self.splitter(flow.framing, start)
        ledger.close(file.key)
        ledger.open(file.key, startOffsetBytes: start)
        file.lastChangeMilliseconds = now
        logger.info("reading \(file.path) from offset \(start)")
    }

    static func splitter(_ framing: RecordFraming, _ start: Int64) -> RecordSplitter {
        do {
            return try RecordSplitter(framing: framing, startOffset: start)
        } catch {
            preconditionFailure("patterns were checked with the configuration: \(error)")
        }
    }

    private func reopen(_ file: TailedFile, nowMilliseconds now: Int64) {
        guard let opened = try? OpenedFile(path: file.path), (try? opened.status())?.identity == file.identity else {
            return
        }
        file.opened = opened
        file.role = .reading
        file.lastChangeMilliseconds = now
    }

    /// A file being read got shorter, or its first bytes changed: it was truncated (copytruncate, or by hand).
    /// The unread rest of its old content can only be in a copy: a file in the same directory that starts with
    /// the old first bytes. If there is one, the file's reading (offsets, splitter, acknowledgements) carries on in
    /// the copy; the truncated file is then a new file, read from its start by the next discovery.
    func handleTruncation(of file: TailedFile, nowMilliseconds now: Int64) {
        let oldIdentity = file.identity
        keysByIdentity[oldIdentity] = nil
        file.opened?.close()
        if let copy = findCopy(of: file) {
            if let known = copy.knownKey, let held = files[known] {
                files[known] = nil
                ledger.close(known)
                held.opened = nil
            }
            file.opened = copy.opened
            file.identity = copy.status.identity
            file.path = copy.path
            file.sizeBytes = copy.status.sizeBytes
            file.isMatched = pattern.matches(copy.path)
            file.savedOffsetBytes = nil
            keysByIdentity[copy.status.identity] = file.key
            removedIdentities.append(oldIdentity)
            logger.info("\(file.readOffsetBytes == 0 ? "" : "truncated; ")reading continues in its copy \(copy.path) at offset \(file.readOffsetBytes)")
        } else {
            let unread = max(file.sizeBytes - file.readOffsetBytes, 0)
            logger.warning(
                "\(file.path) was truncated at offset \(file.readOffsetBytes) and no copy of it was found in its directory; bytes written after that offset before the truncation are lost",
                metadata: ["bytes.unread.known": "\(unread)"])
            files[file.key] = nil
            ledger.close(file.key)
        }
    }

    private struct FoundCopy {
        var path: String
        var status: FileStatus
        var opened: OpenedFile
        var knownKey: Int?
    }

    private func findCopy(of file: TailedFile) -> FoundCopy? {
        if let held = files.values.first(where: { $0.copiedKey == file.key }), let opened = held.opened,
            let status = try? opened.status()
        {
            return FoundCopy(path: held.path, status: status, opened: opened, knownKey: held.key)
        }
        guard !file.fingerprint.isEmpty else { return nil }
        let directory = Self.directory(of: file.path)
        var best: FoundCopy?
        for entry in DirectoryEntry.list(directory: directory) ?? [] {
            let path = directory == "/" ? "/" + entry.name : directory + "/" + entry.name
            guard let status = FileStatus.of(path: path), status.isRegularFile,
                status.identity != file.identity, keysByIdentity[status.identity] == nil,
                let opened = try? OpenedFile(path: path), let fingerprint = try? opened.fingerprint(),
                fingerprint.sameContentPrefix(as: file.fingerprint)
            else { continue }
            if let current = best, current.status.modifiedMilliseconds >= status.modifiedMilliseconds {
                opened.close()
                continue
            }
            best?.opened.close()
            best = FoundCopy(path: path, status: status, opened: opened, knownKey: nil)
        }
        return best
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Lets go of files rotated away or deleted once they are read to their end, their last partial line sent and
    /// everything acknowledged; closes the descriptors of files idle for long.
    func retireFinishedFiles(nowMilliseconds now: Int64) async throws {
        for file in Array(files.values) where file.isReading && file.readOffsetBytes >= file.sizeBytes {
            let quiet = now - file.lastChangeMilliseconds
            if !file.isMatched && quiet >= AgentLimits.rotatedFileQuietMilliseconds {
                framed.removeAll(keepingCapacity: true)
                file.splitter.finish(into: &framed)
                if !framed.isEmpty {
                    try await deliver(framed, of: file)
                    continue
                }
                guard ledger.progress(file.key)?.pendingCount == 0 else { continue }
                for copy in files.values where copy.copiedKey == file.key {
                    promoteCopy(copy, startOffsetBytes: file.readOffsetBytes, nowMilliseconds: now)
                }
                file.opened?.close()
                files[file.key] = nil
                keysByIdentity[file.identity] = nil
                ledger.close(file.key)
                removedIdentities.append(file.identity)
                logger.info("finished \(file.path): read to its end after rotation")
            } else if file.isMatched && quiet >= AgentLimits.idleFileCloseMilliseconds,
                ledger.progress(file.key)?.pendingCount == 0
            {
                file.opened?.close()
                file.opened = nil
                file.role = .dormant
            }
        }
    }
}
