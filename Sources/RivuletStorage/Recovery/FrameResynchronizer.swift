import RivuletCore

/// Finds where good frames resume after damaged bytes: the first offset past the damage where a frame header
/// parses, its length fits in the range, its CRC32C matches and its first position can follow the last good one.
///
/// Scans byte by byte, but rejects almost every offset on cheap tests (length bounds, then the position, which must
/// lie between the expected next position and what the skipped bytes could have held) before computing a checksum.
enum FrameResynchronizer {
    struct Found: Equatable {
        var offset: Int64
        var header: FrameHeader
    }

    /// The bytes a frame takes at least besides its records, and a record at least: bound the positions the
    /// skipped bytes can have held.
    private static let fixedFrameBytes = RecordFrame.headerBytes + RecordFrame.payloadFixedBytes

    /// The first good frame starting in `(damageOffset, endOffset)` whose first position is at least
    /// `expectedPosition`, or nil if none does.
    static func nextFrame(
        in file: OpenFile, fileSystem: any FileSystem, after damageOffset: Int64, before endOffset: Int64,
        expectedPosition: UInt64
    ) throws -> Found? {
        let windowBytes = Limits.recoveryReadBufferBytes
        var window = [UInt8](repeating: 0, count: windowBytes)
        var windowStart = damageOffset + 1
        while windowStart + Int64(fixedFrameBytes) <= endOffset {
            let wanted = Int(min(Int64(windowBytes), endOffset - windowStart))
            let count = try window.withUnsafeMutableBytes { buffer in
                try fileSystem.read(
                    into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<wanted]), from: file, at: windowStart)
            }
            guard count >= fixedFrameBytes else { return nil }
            var cursor = 0
            while cursor + fixedFrameBytes <= count {
                let offset = windowStart + Int64(cursor)
                if let found = try candidate(
                    window, at: cursor, count: count, offset: offset, file: file, fileSystem: fileSystem,
                    damageOffset: damageOffset, endOffset: endOffset, expectedPosition: expectedPosition)
                {
                    return found
                }
                cursor += 1
            }
            windowStart += Int64(cursor)
        }
        return nil
    }

    private static func candidate(
        _ window: [UInt8], at cursor: Int, count: Int, offset: Int64, file: OpenFile, fileSystem: any FileSystem,
        damageOffset: Int64, endOffset: Int64, expectedPosition: UInt64
    ) throws -> Found? {
        let (payloadBytes, position) = window.withUnsafeBytes { bytes in
            (
                Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: cursor, as: UInt32.self))),
                UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: cursor + 8, as: UInt64.self))
            )
        }
        guard payloadBytes >= RecordFrame.payloadFixedBytes, payloadBytes <= Limits.framePayloadBytesMax else {
            return nil
        }
        let frameBytes = RecordFrame.headerBytes + payloadBytes
        guard offset + Int64(frameBytes) <= endOffset, position >= expectedPosition else { return nil }
        // Every lost position took at least a record header in the skipped bytes.
        let skippedBytes = UInt64(offset - damageOffset)
        guard position - expectedPosition <= skippedBytes / UInt64(RecordFrame.recordHeaderBytes) else { return nil }
        let check: RecordFrame.Check
        if cursor + frameBytes <= count {
            check = window.withUnsafeBytes { bytes in
                RecordFrame.check(UnsafeRawBufferPointer(rebasing: bytes[cursor..<(cursor + frameBytes)]))
            }
        } else {
            var frame = [UInt8](repeating: 0, count: frameBytes)
            let read = try frame.withUnsafeMutableBytes { try fileSystem.read(into: $0, from: file, at: offset) }
            guard read == frameBytes else { return nil }
            check = frame.withUnsafeBytes { RecordFrame.check($0) }
        }
        guard case .complete(let header) = check, header.firstPosition == position else { return nil }
        return Found(offset: offset, header: header)
    }

    /// At most how many positions `bytes` of damaged frames can have held: a bound used where the positions lost
    /// at the end of a segment cannot be read any more.
    static func positionsBound(ofDamagedBytes bytes: Int64) -> UInt64 {
        UInt64(max(bytes, 0)) / UInt64(RecordFrame.recordHeaderBytes) + 1
    }
}
