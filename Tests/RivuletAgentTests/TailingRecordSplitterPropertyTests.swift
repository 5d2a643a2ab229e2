import RivuletCore
import Testing

@testable import RivuletAgent

/// Random files cut into random chunks: whatever the framing and the chunking, the pieces must cover the input
/// exactly once and in order, and every record must be the input's bytes (or their cut).
@Suite struct TailingRecordSplitterPropertyTests {
    /// Seeded, so a failure can be replayed from its seed.
    typealias SeededGenerator = SplitMix64

    private static func randomInput(using generator: inout SeededGenerator) -> [UInt8] {
        var input: [UInt8] = []
        let lineCount = Int.random(in: 0...40, using: &generator)
        for _ in 0..<lineCount {
            switch Int.random(in: 0..<10, using: &generator) {
            case 0: input += Array("START ".utf8)
            case 1: input += Array("FOOTER".utf8)
            default: break
            }
            let length = Int.random(in: 0...30, using: &generator)
            for _ in 0..<length { input.append(UInt8.random(in: 0x61...0x66, using: &generator)) }
            if Bool.random(using: &generator) { input.append(0x0D) }
            input.append(0x0A)
        }
        if Bool.random(using: &generator) { input += Array("tail".utf8) }
        return input
    }

    private static func randomFraming(using generator: inout SeededGenerator) -> RecordFraming {
        var framing = RecordFraming()
        framing.skipHeaderLines = Int.random(in: 0...2, using: &generator)
        if Bool.random(using: &generator) { framing.multiLineStartPattern = "START" }
        if Int.random(in: 0..<4, using: &generator) == 0 { framing.fileFooterPattern = "FOOTER" }
        framing.recordBytesMax = Bool.random(using: &generator) ? Int.random(in: 4...40, using: &generator) : 1_000
        framing.truncatedRecordTerminator = Array("~~~\n".utf8.suffix(Int.random(in: 0...3, using: &generator)))
        return framing
    }

    private static func split(
        _ input: [UInt8], framing: RecordFraming, startOffset: Int64, using generator: inout SeededGenerator
    ) throws -> [FramedRecord] {
        var splitter = try RecordSplitter(framing: framing, startOffset: startOffset)
        var records: [FramedRecord] = []
        var position = 0
        while position < input.count {
            let chunkBytes = Int.random(in: 1...max(1, min(input.count - position, 50)), using: &generator)
            splitter.feed(input[position..<position + chunkBytes], nowMilliseconds: 0, into: &records)
            position += chunkBytes
        }
        splitter.finish(into: &records)
        return records
    }

    private static func check(
        _ records: [FramedRecord], input: [UInt8], framing: RecordFraming, startOffset: Int64, seed: UInt64
    ) {
        var expectedStart = startOffset
        for record in records {
            #expect(record.startOffset == expectedStart, "seed \(seed)")
            #expect(record.endOffset > record.startOffset, "seed \(seed)")
            expectedStart = record.endOffset
            guard record.isRecord else { continue }
            let consumed = Array(input[Int(record.startOffset - startOffset)..<Int(record.endOffset - startOffset)])
            if record.isTruncated {
                let keptBytes = framing.recordBytesMax - framing.truncatedRecordTerminator.count
                #expect(record.bytes == Array(consumed.prefix(keptBytes)) + framing.truncatedRecordTerminator, "seed \(seed)")
                #expect(consumed.count >= framing.recordBytesMax, "seed \(seed)")
            } else {
                #expect(record.bytes == consumed, "seed \(seed)")
                #expect(record.bytes.count <= framing.recordBytesMax, "seed \(seed)")
            }
        }
        #expect(expectedStart == startOffset + Int64(input.count), "seed \(seed)")
    }

    @Test(arguments: 0..<300)
    func piecesCoverTheInputExactlyOnceWhateverTheChunking(seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed))
        let input = Self.randomInput(using: &generator)
        let framing = Self.randomFraming(using: &generator)
        let startOffset: Int64 = Bool.random(using: &generator) ? 0 : 1_000
        let records = try Self.split(input, framing: framing, startOffset: startOffset, using: &generator)
        Self.check(records, input: input, framing: framing, startOffset: startOffset, seed: UInt64(seed))
        // Records do not depend on how the bytes were chunked (only skipped pieces may be split differently).
        let whole = try Self.split(input, framing: framing, startOffset: startOffset, using: &generator)
        var oneChunk = try RecordSplitter(framing: framing, startOffset: startOffset)
        var reference: [FramedRecord] = []
        oneChunk.feed(input[...], nowMilliseconds: 0, into: &reference)
        oneChunk.finish(into: &reference)
        #expect(whole.filter(\.isRecord) == reference.filter(\.isRecord), "seed \(seed)")
        #expect(records.filter(\.isRecord) == reference.filter(\.isRecord), "seed \(seed)")
    }

    @Test(arguments: 0..<50)
    func withoutPatternsOrCutsTheRecordsAreTheInput(seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed) &+ 10_000)
        let input = Self.randomInput(using: &generator)
        let records = try Self.split(input, framing: RecordFraming(), startOffset: 0, using: &generator)
        let everyPieceIsARecord = records.allSatisfy { $0.isRecord }
        #expect(everyPieceIsARecord)
        #expect(records.flatMap(\.bytes) == input, "seed \(seed)")
        let newlineCount = input.filter { $0 == 0x0A }.count
        #expect(records.count == newlineCount + (input.last == 0x0A || input.isEmpty ? 0 : 1))
    }
}
