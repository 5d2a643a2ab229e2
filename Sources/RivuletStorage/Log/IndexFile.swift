import RivuletCore

/// The file form of a closed segment's summary and sparse index. Little-endian:
///
///     header  := magic u32 | version u16 | reserved u16 | firstPosition u64 | nextPosition u64
///                | firstArrival i64 | lastArrival i64 | segmentBytes u64 | entryCount u32
///                | entriesChecksum u32 | reserved u32 | headerChecksum u32 (of all before it)  (64 bytes)
///     entries := (position u64 | offset i64 | arrivalMilliseconds i64) * entryCount
///
/// It can always be rebuilt from its segment, so it is written without fsync: both checksums and the segment size it
/// records tell on open whether it can be trusted.
enum IndexFile {
    static let magic: UInt32 = 0x5849_5652  // "RVIX" read little-endian
    static let version: UInt16 = 1
    static let headerBytes = 64
    static let entryBytes = 24
    /// Stands for "no arrival time" in an empty segment's summary.
    private static let noArrival = Int64.min

    static func encode(_ summary: SegmentSummary, _ index: SegmentIndex) -> [UInt8] {
        let entries = index.entries
        var bytes = [UInt8](repeating: 0, count: headerBytes + entries.count * entryBytes)
        bytes.withUnsafeMutableBytes { buffer in
            for (number, entry) in entries.enumerated() {
                let offset = headerBytes + number * entryBytes
                buffer.storeBytes(of: entry.position.littleEndian, toByteOffset: offset, as: UInt64.self)
                buffer.storeBytes(of: entry.offset.littleEndian, toByteOffset: offset + 8, as: Int64.self)
                buffer.storeBytes(of: entry.arrivalMilliseconds.littleEndian, toByteOffset: offset + 16, as: Int64.self)
            }
            buffer.storeBytes(of: magic.littleEndian, toByteOffset: 0, as: UInt32.self)
            buffer.storeBytes(of: version.littleEndian, toByteOffset: 4, as: UInt16.self)
            buffer.storeBytes(of: summary.firstPosition.littleEndian, toByteOffset: 8, as: UInt64.self)
            buffer.storeBytes(of: summary.nextPosition.littleEndian, toByteOffset: 16, as: UInt64.self)
            let firstArrival = summary.firstArrivalMilliseconds ?? noArrival
            let lastArrival = summary.lastArrivalMilliseconds ?? noArrival
            buffer.storeBytes(of: firstArrival.littleEndian, toByteOffset: 24, as: Int64.self)
            buffer.storeBytes(of: lastArrival.littleEndian, toByteOffset: 32, as: Int64.self)
            buffer.storeBytes(of: UInt64(summary.bytes).littleEndian, toByteOffset: 40, as: UInt64.self)
            buffer.storeBytes(of: UInt32(entries.count).littleEndian, toByteOffset: 48, as: UInt32.self)
            let entriesChecksum = CRC32CChecksum.checksum(UnsafeRawBufferPointer(rebasing: buffer[headerBytes...]))
            buffer.storeBytes(of: entriesChecksum.littleEndian, toByteOffset: 52, as: UInt32.self)
            let headerChecksum = CRC32CChecksum.checksum(UnsafeRawBufferPointer(rebasing: buffer[0..<60]))
            buffer.storeBytes(of: headerChecksum.littleEndian, toByteOffset: 60, as: UInt32.self)
        }
        return bytes
    }

    /// Decodes and verifies an index file; nil when it is damaged, of another version, or not for this segment.
    static func decode(
        _ bytes: [UInt8], firstPosition: UInt64, intervalBytes: Int
    ) -> (summary: SegmentSummary, index: SegmentIndex)? {
        guard bytes.count >= headerBytes else { return nil }
        return bytes.withUnsafeBytes { buffer -> (SegmentSummary, SegmentIndex)? in
            func load<Value: FixedWidthInteger>(_ offset: Int, as type: Value.Type) -> Value {
                Value(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: Value.self))
            }
            let headerChecksum = CRC32CChecksum.checksum(UnsafeRawBufferPointer(rebasing: buffer[0..<60]))
            guard load(0, as: UInt32.self) == magic, load(4, as: UInt16.self) == version,
                load(60, as: UInt32.self) == headerChecksum
            else { return nil }
            let entryCount = Int(load(48, as: UInt32.self))
            guard bytes.count == headerBytes + entryCount * entryBytes,
                CRC32CChecksum.checksum(UnsafeRawBufferPointer(rebasing: buffer[headerBytes...]))
                    == load(52, as: UInt32.self)
            else { return nil }
            let firstArrival = load(24, as: Int64.self)
            let lastArrival = load(32, as: Int64.self)
            let summary = SegmentSummary(
                firstPosition: load(8, as: UInt64.self), nextPosition: load(16, as: UInt64.self),
                firstArrivalMilliseconds: firstArrival == noArrival ? nil : firstArrival,
                lastArrivalMilliseconds: lastArrival == noArrival ? nil : lastArrival,
                bytes: Int64(load(40, as: UInt64.self)))
            guard summary.firstPosition == firstPosition, summary.nextPosition >= summary.firstPosition else {
                return nil
            }
            var entries: [IndexEntry] = []
            entries.reserveCapacity(entryCount)
            for number in 0..<entryCount {
                let offset = headerBytes + number * entryBytes
                entries.append(
                    IndexEntry(
                        position: load(offset, as: UInt64.self), offset: load(offset + 8, as: Int64.self),
                        arrivalMilliseconds: load(offset + 16, as: Int64.self)))
            }
            return (summary, SegmentIndex(intervalBytes: intervalBytes, entries: entries))
        }
    }
}
