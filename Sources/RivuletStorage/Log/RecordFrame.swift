import RivuletCore

/// The on-disk form of one append batch for one shard. All integers are little-endian.
///
///     frame   := payloadBytes u32 | checksum u32 (CRC32C of payload) | payload
///     payload := firstPosition u64 | arrivalMilliseconds i64 | recordCount u32 | record * recordCount
///     record  := keyField u16 | dataBytes u32 | partitionKey (UTF-8) | data
///     keyField := sealed (top bit) | partitionKeyBytes (low 15 bits)
///
/// The top bit of `keyField` says the data is sealed (encrypted at rest by the server). Partition keys are at most
/// 256 characters (1,024 UTF-8 bytes), so the bit was never set by an earlier version: old segments read as unsealed.
/// A frame is written whole or not at all, so a crash can leave at most one torn frame at the end of a segment; the
/// length and checksum are what let recovery and readers find it.
enum RecordFrame {
    static let headerBytes = 8
    static let payloadFixedBytes = 20
    static let recordHeaderBytes = 6
    /// The bit of a record's key field that marks its data as sealed.
    static let sealedFlag: UInt16 = 0x8000

    /// The outcome of checking bytes that should start with a frame.
    enum Check: Equatable {
        case complete(FrameHeader)
        /// The bytes end inside the frame; `frameBytes` is its full size when the header was readable.
        case incomplete(frameBytes: Int?)
        case invalid(String)
    }

    /// The frame size of a batch, header included.
    static func frameBytes(of records: [AppendRecord]) -> Int {
        var total = headerBytes + payloadFixedBytes
        for record in records {
            total += recordHeaderBytes + record.partitionKey.utf8.count + record.data.count
        }
        return total
    }

    /// Appends the frame of a batch to `buffer`.
    static func append(
        firstPosition: UInt64, arrivalMilliseconds: Int64, records: [AppendRecord], to buffer: inout [UInt8]
    ) {
        precondition(!records.isEmpty, "a frame holds at least one record")
        let size = frameBytes(of: records)
        precondition(size - headerBytes <= Limits.framePayloadBytesMax, "batch too large for one frame")
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: size))
        buffer.withUnsafeMutableBytes { whole in
            let frame = UnsafeMutableRawBufferPointer(rebasing: whole[start..<(start + size)])
            frame.storeBytes(of: UInt32(size - headerBytes).littleEndian, toByteOffset: 0, as: UInt32.self)
            frame.storeBytes(of: firstPosition.littleEndian, toByteOffset: 8, as: UInt64.self)
            frame.storeBytes(of: arrivalMilliseconds.littleEndian, toByteOffset: 16, as: Int64.self)
            frame.storeBytes(of: UInt32(records.count).littleEndian, toByteOffset: 24, as: UInt32.self)
            var offset = headerBytes + payloadFixedBytes
            for record in records {
                offset = write(record, into: frame, at: offset)
            }
            precondition(offset == size, "frame size computed and written must agree")
            let payload = UnsafeRawBufferPointer(rebasing: frame[headerBytes...])
            frame.storeBytes(of: CRC32CChecksum.checksum(payload).littleEndian, toByteOffset: 4, as: UInt32.self)
        }
    }

    private static func write(_ record: AppendRecord, into frame: UnsafeMutableRawBufferPointer, at start: Int) -> Int {
        let keyBytes = record.partitionKey.utf8.count
        precondition(keyBytes <= Limits.partitionKeyBytesMax, "partition key too long to store")
        let keyField = UInt16(keyBytes) | (record.sealed ? sealedFlag : 0)
        frame.storeBytes(of: keyField.littleEndian, toByteOffset: start, as: UInt16.self)
        frame.storeBytes(of: UInt32(record.data.count).littleEndian, toByteOffset: start + 2, as: UInt32.self)
        var offset = start + recordHeaderBytes
        let copied: Void? = record.partitionKey.utf8.withContiguousStorageIfAvailable { key in
            UnsafeMutableRawBufferPointer(rebasing: frame[offset..<(offset + keyBytes)])
                .copyMemory(from: UnsafeRawBufferPointer(key))
        }
        if copied == nil {
            for (index, byte) in record.partitionKey.utf8.enumerated() { frame[offset + index] = byte }
        }
        offset += keyBytes
        record.data.withUnsafeBytes { data in
            UnsafeMutableRawBufferPointer(rebasing: frame[offset..<(offset + data.count)]).copyMemory(from: data)
        }
        return offset + record.data.count
    }

    /// Checks the frame at the start of `bytes`: length bounds, checksum and record layout.
    static func check(_ bytes: UnsafeRawBufferPointer) -> Check {
        guard bytes.count >= headerBytes else { return .incomplete(frameBytes: nil) }
        let payloadBytes = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 0, as: UInt32.self)))
        guard payloadBytes >= payloadFixedBytes, payloadBytes <= Limits.framePayloadBytesMax else {
            return .invalid("frame length \(payloadBytes) out of bounds")
        }
        let total = headerBytes + payloadBytes
        guard bytes.count >= total else { return .incomplete(frameBytes: total) }
        let stored = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
        let payload = UnsafeRawBufferPointer(rebasing: bytes[headerBytes..<total])
        guard CRC32CChecksum.checksum(payload) == stored else { return .invalid("frame checksum mismatch") }
        let header = FrameHeader(
            firstPosition: UInt64(littleEndian: payload.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
            arrivalMilliseconds: Int64(littleEndian: payload.loadUnaligned(fromByteOffset: 8, as: Int64.self)),
            recordCount: Int(UInt32(littleEndian: payload.loadUnaligned(fromByteOffset: 16, as: UInt32.self))),
            frameBytes: total)
        guard header.recordCount > 0 else { return .invalid("frame holds no records") }
        var offset = payloadFixedBytes
        for _ in 0..<header.recordCount {
            guard let (_, _, _, next) = recordBounds(in: payload, at: offset) else {
                return .invalid("record lengths overrun the frame")
            }
            offset = next
        }
        guard offset == payloadBytes else { return .invalid("record lengths do not fill the frame") }
        return .complete(header)
    }

    /// Calls `body` with each record's partition key, data and sealed flag of a frame that passed `check`, in order,
    /// until it returns false.
    static func forEachRecord(
        in frame: UnsafeRawBufferPointer, _ header: FrameHeader,
        _ body: (
            _ position: UInt64, _ partitionKey: UnsafeRawBufferPointer, _ data: UnsafeRawBufferPointer, _ sealed: Bool
        ) -> Bool
    ) {
        let payload = UnsafeRawBufferPointer(rebasing: frame[headerBytes..<header.frameBytes])
        var offset = payloadFixedBytes
        for index in 0..<header.recordCount {
            guard let (key, data, sealed, next) = recordBounds(in: payload, at: offset) else {
                preconditionFailure("records are walked only in frames that passed their check")
            }
            let keepGoing = body(
                header.firstPosition + UInt64(index), UnsafeRawBufferPointer(rebasing: payload[key]),
                UnsafeRawBufferPointer(rebasing: payload[data]), sealed)
            if !keepGoing { return }
            offset = next
        }
    }

    private static func recordBounds(
        in payload: UnsafeRawBufferPointer, at offset: Int
    ) -> (key: Range<Int>, data: Range<Int>, sealed: Bool, next: Int)? {
        guard payload.count - offset >= recordHeaderBytes else { return nil }
        let keyField = UInt16(littleEndian: payload.loadUnaligned(fromByteOffset: offset, as: UInt16.self))
        let keyBytes = Int(keyField & ~sealedFlag)
        let dataBytes = Int(UInt32(littleEndian: payload.loadUnaligned(fromByteOffset: offset + 2, as: UInt32.self)))
        let keyStart = offset + recordHeaderBytes
        guard payload.count - keyStart >= keyBytes + dataBytes else { return nil }
        let dataStart = keyStart + keyBytes
        return (
            keyStart..<dataStart, dataStart..<(dataStart + dataBytes), keyField & sealedFlag != 0,
            dataStart + dataBytes
        )
    }
}

/// The fixed fields of a checked frame.
struct FrameHeader: Equatable {
    var firstPosition: UInt64
    var arrivalMilliseconds: Int64
    var recordCount: Int
    /// The whole frame, header included.
    var frameBytes: Int

    var nextPosition: UInt64 { firstPosition + UInt64(recordCount) }
}
