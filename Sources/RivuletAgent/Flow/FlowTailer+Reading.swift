import RivuletProducer

/// Reading: new bytes of every file being read, cut into records, processed and put.
extension FlowTailer {
    /// Reads what every file being read has gained, a bounded amount per file per turn; true if anything was read.
    func readGrowingFiles(nowMilliseconds now: Int64) async throws -> Bool {
        var progressed = false
        for key in files.keys.sorted() {
            guard let file = files[key], file.isReading, let opened = file.opened else { continue }
            let status: FileStatus
            do {
                status = try opened.status()
            } catch {
                logger.warning("cannot stat \(file.path): \(error)")
                continue
            }
            if status.sizeBytes != file.sizeBytes {
                file.sizeBytes = status.sizeBytes
                file.lastChangeMilliseconds = now
                if !contentStillMatches(file) {
                    handleTruncation(of: file, nowMilliseconds: now)
                    continue
                }
            }
            var budget = AgentLimits.readBytesPerFilePerTurn
            while budget > 0 && file.readOffsetBytes < file.sizeBytes && hasRoomToRead {
                let count: Int
                do {
                    count = try opened.read(at: file.readOffsetBytes, into: &readBuffer)
                } catch {
                    logger.warning("cannot read \(file.path): \(error)")
                    break
                }
                if count == 0 { break }
                framed.removeAll(keepingCapacity: true)
                file.splitter.feed(readBuffer[0..<count], nowMilliseconds: now, into: &framed)
                file.readOffsetBytes += Int64(count)
                if file.readOffsetBytes > file.sizeBytes { file.sizeBytes = file.readOffsetBytes }
                try await deliver(framed, of: file)
                budget -= count
                progressed = true
            }
        }
        return progressed
    }

    /// Whether another chunk may be read: what the flow holds unacknowledged plus a chunk stays within its share of
    /// `maxBufferedBytes`. Checked rather than left to the producer's admission, which would block this task:
    /// a tailer that does not block keeps discovering and opening files while the stream holds it back, so files
    /// rotated away meanwhile stay readable through their descriptors.
    var hasRoomToRead: Bool {
        producer.outstandingByteCount + AgentLimits.readChunkBytes <= bufferedBytesMax
    }

    /// False when the file no longer holds the bytes it was read from: shorter than what was read (truncated), or
    /// its first bytes changed (truncated and written again between two looks). Refreshes the fingerprint while
    /// the file is shorter than a full one.
    func contentStillMatches(_ file: TailedFile) -> Bool {
        if file.sizeBytes < file.readOffsetBytes { return false }
        guard let opened = file.opened, let current = try? opened.fingerprint() else { return true }
        if !file.fingerprint.isEmpty && !current.sameContentPrefix(as: file.fingerprint) { return false }
        if current.lengthBytes > file.fingerprint.lengthBytes { file.fingerprint = current }
        return true
    }

    /// Sends a partial last line (or open multi-line record) of files that stopped growing, once its timeout
    /// passed.
    func flushPartialRecords(nowMilliseconds now: Int64) async throws {
        for file in files.values where file.isReading && file.readOffsetBytes >= file.sizeBytes {
            framed.removeAll(keepingCapacity: true)
            file.splitter.flushPartial(nowMilliseconds: now, fileStoppedGrowing: true, into: &framed)
            if !framed.isEmpty { try await deliver(framed, of: file) }
        }
    }

    /// Processes and puts each record; skipped pieces (headers, footers, records a processor drops, the rest of an
    /// overlong line) are acknowledged at once so the checkpoint can pass them.
    func deliver(_ records: [FramedRecord], of file: TailedFile) async throws {
        for record in records {
            guard record.isRecord else {
                _ = ledger.append(file.key, endOffsetBytes: record.endOffset, done: true)
                continue
            }
            counters.parsed(bytes: record.bytes.count)
            let data: [UInt8]
            switch flow.dataProcessing.process(record.bytes) {
            case .send(let processed):
                data = processed
            case .skip:
                counters.skipped()
                _ = ledger.append(file.key, endOffsetBytes: record.endOffset, done: true)
                continue
            case .sendUnprocessed(let raw, let reason):
                counters.conversionFailed()
                logger.debug("record sent unprocessed: \(reason)", metadata: ["file": "\(file.path)"])
                data = raw
            }
            try await put(data, endOffsetBytes: record.endOffset, of: file)
        }
    }

    private func put(_ data: [UInt8], endOffsetBytes: Int64, of file: TailedFile) async throws {
        let key = file.key
        let sequence = ledger.append(key, endOffsetBytes: endOffsetBytes, done: false)
        let ledger = self.ledger
        let counters = self.counters
        let size = data.count
        do {
            try await producer.put(data, partitionKey: partitionKeys.partitionKey(for: data)) { result in
                // A failure here is the producer stopping (its records never expire): the record stays behind the
                // checkpoint and is read again at the next start.
                if case .success = result {
                    counters.sent(bytes: size)
                    ledger.acknowledge(key, sequence: sequence)
                }
            }
        } catch {
            switch error {
            case .shutDown, .cancelled, .expired:
                throw error
            case .recordTooLarge, .invalidPartitionKey, .invalidExplicitHashKey:
                // Kinesis would refuse it too; holding the checkpoint for it would stall the file forever.
                logger.error("record dropped: \(error)", metadata: ["file": "\(file.path)"])
                counters.dropped()
                ledger.acknowledge(key, sequence: sequence)
            }
        }
    }
}
