import RivuletCore
import Testing

@testable import RivuletStorage

@Suite struct RecordFrameTests {
    private let records = [
        AppendRecord(partitionKey: "a", data: [1, 2, 3]),
        AppendRecord(partitionKey: "ключ-🙂", data: []),
        AppendRecord(partitionKey: String(repeating: "k", count: 256), data: Array(repeating: 9, count: 1000)),
    ]

    private func encoded() -> [UInt8] {
        var buffer: [UInt8] = [0xEE]  // frames append after whatever the buffer holds
        RecordFrame.append(firstPosition: 41, arrivalMilliseconds: 1_700_000_000_123, records: records, to: &buffer)
        return Array(buffer.dropFirst())
    }

    @Test func encodedFrameChecksAndYieldsItsRecords() throws {
        let frame = encoded()
        #expect(frame.count == RecordFrame.frameBytes(of: records))
        try frame.withUnsafeBytes { bytes in
            let check = RecordFrame.check(bytes)
            guard case .complete(let header) = check else {
                Issue.record("expected a complete frame, got \(check)")
                return
            }
            #expect(
                header
                    == FrameHeader(
                        firstPosition: 41, arrivalMilliseconds: 1_700_000_000_123, recordCount: 3,
                        frameBytes: frame.count))
            var decoded: [(UInt64, AppendRecord)] = []
            RecordFrame.forEachRecord(in: bytes, header) { position, key, data, sealed in
                decoded.append(
                    (
                        position,
                        AppendRecord(
                            partitionKey: String(decoding: key, as: UTF8.self), data: Array(data), sealed: sealed)
                    ))
                return true
            }
            #expect(decoded.map(\.0) == [41, 42, 43])
            #expect(decoded.map(\.1) == records)
            _ = try #require(decoded.first)
        }
    }

    @Test func aFrameCutShortIsIncomplete() {
        let frame = encoded()
        for cut in [0, 3, 7, 8, 30, frame.count - 1] {
            let check = Array(frame.prefix(cut)).withUnsafeBytes { RecordFrame.check($0) }
            #expect(check == .incomplete(frameBytes: cut < RecordFrame.headerBytes ? nil : frame.count))
        }
    }

    @Test func everyFlippedByteIsDetected() {
        let frame = encoded()
        for offset in frame.indices {
            var damaged = frame
            damaged[offset] ^= 0x01
            let check = damaged.withUnsafeBytes { RecordFrame.check($0) }
            if case .complete = check { Issue.record("flipped byte \(offset) went unnoticed") }
        }
    }

    @Test func lengthsOutsideTheBoundsAreInvalid() {
        for length in [
            UInt32(0), UInt32(RecordFrame.payloadFixedBytes - 1), UInt32(Limits.framePayloadBytesMax + 1),
        ] {
            var frame = encoded()
            withUnsafeBytes(of: length.littleEndian) { frame.replaceSubrange(0..<4, with: $0) }
            let check = frame.withUnsafeBytes { RecordFrame.check($0) }
            guard case .invalid = check else {
                Issue.record("length \(length) accepted: \(check)")
                continue
            }
        }
    }

    @Test func indexFileRoundTripsAndRejectsDamage() {
        var index = SegmentIndex(intervalBytes: 100)
        let summary = SegmentSummary(
            firstPosition: 10, nextPosition: 30, firstArrivalMilliseconds: 5, lastArrivalMilliseconds: 9, bytes: 450)
        for (number, offset) in [0, 90, 120, 260, 300, 420].enumerated() {
            index.noteFrame(
                FrameHeader(
                    firstPosition: UInt64(10 + number * 3), arrivalMilliseconds: Int64(5 + number), recordCount: 3,
                    frameBytes: 30),
                at: Int64(offset))
        }
        #expect(index.entries.map(\.offset) == [0, 120, 260, 420])
        #expect(index.entry(atOrBefore: 17)?.position == 16)
        #expect(index.entry(atOrBefore: 9) == nil)
        #expect(index.entry(arrivedBefore: 8)?.arrivalMilliseconds == 7)

        let bytes = IndexFile.encode(summary, index)
        let decoded = IndexFile.decode(bytes, firstPosition: 10, intervalBytes: 100)
        #expect(decoded?.summary == summary)
        #expect(decoded?.index == index)
        #expect(IndexFile.decode(bytes, firstPosition: 11, intervalBytes: 100) == nil)
        for offset in [0, 9, 44, 60, bytes.count - 1] {
            var damaged = bytes
            damaged[offset] ^= 0x10
            #expect(IndexFile.decode(damaged, firstPosition: 10, intervalBytes: 100) == nil)
        }
    }
}
