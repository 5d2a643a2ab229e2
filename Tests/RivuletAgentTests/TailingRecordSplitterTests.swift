import Testing

@testable import RivuletAgent

@Suite struct TailingRecordSplitterTests {
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    private func texts(_ records: [FramedRecord]) -> [String] {
        records.filter(\.isRecord).map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    @Test func cutsLinesKeepingTheirNewlines() throws {
        var splitter = try RecordSplitter(framing: RecordFraming(), startOffset: 0)
        let records = splitter.feed(bytes("a\nbb\n\nccc"), nowMilliseconds: 0)
        #expect(records.map(\.bytes) == [bytes("a\n"), bytes("bb\n"), bytes("\n")])
        #expect(records.map(\.startOffset) == [0, 2, 5])
        #expect(records.map(\.endOffset) == [2, 5, 6])
        #expect(splitter.nextOffset == 9)
        #expect(splitter.emittedEndOffset == 6)
        #expect(splitter.hasWaitingRecord)
    }

    @Test func joinsALineSplitAcrossChunks() throws {
        var splitter = try RecordSplitter(framing: RecordFraming(), startOffset: 100)
        #expect(splitter.feed(bytes("hel"), nowMilliseconds: 0).isEmpty)
        let records = splitter.feed(bytes("lo\nx"), nowMilliseconds: 1)
        #expect(records == [FramedRecord(bytes: bytes("hello\n"), startOffset: 100, endOffset: 106, kind: .record)])
    }

    @Test func keepsCarriageReturns() throws {
        var splitter = try RecordSplitter(framing: RecordFraming(), startOffset: 0)
        #expect(texts(splitter.feed(bytes("a\r\nb\r\n"), nowMilliseconds: 0)) == ["a\r\n", "b\r\n"])
    }

    @Test func skipsHeaderLinesOnlyFromTheStartOfTheFile() throws {
        var framing = RecordFraming()
        framing.skipHeaderLines = 2
        var fromStart = try RecordSplitter(framing: framing, startOffset: 0)
        let records = fromStart.feed(bytes("h1\nh2\na\nb\n"), nowMilliseconds: 0)
        #expect(records.map(\.kind) == [.skipped(.header), .skipped(.header), .record, .record])
        #expect(texts(records) == ["a\n", "b\n"])
        var resumed = try RecordSplitter(framing: framing, startOffset: 6)
        #expect(texts(resumed.feed(bytes("a\nb\n"), nowMilliseconds: 0)) == ["a\n", "b\n"])
    }

    @Test func groupsMultiLineRecordsByTheirStartLines() throws {
        var framing = RecordFraming()
        framing.multiLineStartPattern = "\\d{4}-\\d{2}"
        var splitter = try RecordSplitter(framing: framing, startOffset: 0)
        let first = splitter.feed(bytes("orphan\n2024-01 a\n  at x\n  at y\n2024-02 b\n  c\n"), nowMilliseconds: 0)
        #expect(texts(first) == ["orphan\n", "2024-01 a\n  at x\n  at y\n"])
        #expect(first.last?.endOffset == 31)
        #expect(splitter.hasWaitingRecord)
        let flushed = splitter.flushPartial(nowMilliseconds: 5_000, fileStoppedGrowing: true)
        #expect(texts(flushed) == ["2024-02 b\n  c\n"])
        #expect(flushed.first?.startOffset == 31)
        #expect(splitter.emittedEndOffset == splitter.nextOffset)
    }

    @Test func startPatternIsTestedAtTheLineStartOnly() throws {
        var framing = RecordFraming()
        framing.multiLineStartPattern = "ERROR"
        var splitter = try RecordSplitter(framing: framing, startOffset: 0)
        let records = splitter.feed(bytes("ERROR 1\nsee ERROR\nERROR 2\n"), nowMilliseconds: 0)
        #expect(texts(records) == ["ERROR 1\nsee ERROR\n"])
    }

    @Test func skipsTheFooterAndEverythingAfterIt() throws {
        var framing = RecordFraming()
        framing.fileFooterPattern = "END OF LOG$"
        var splitter = try RecordSplitter(framing: framing, startOffset: 0)
        var records = splitter.feed(bytes("a\nEND OF LOG\r\nb\n"), nowMilliseconds: 0)
        records += splitter.feed(bytes("c"), nowMilliseconds: 1)
        #expect(texts(records) == ["a\n"])
        #expect(records.dropFirst().allSatisfy { $0.kind == .skipped(.footer) })
        #expect(records.last?.endOffset == 17)
    }

    @Test func footerClosesAnOpenMultiLineRecordFirst() throws {
        var framing = RecordFraming()
        framing.multiLineStartPattern = "#"
        framing.fileFooterPattern = "--"
        var splitter = try RecordSplitter(framing: framing, startOffset: 0)
        let records = splitter.feed(bytes("# a\nb\n--\n"), nowMilliseconds: 0)
        #expect(records.map(\.kind) == [.record, .skipped(.footer)])
        #expect(texts(records) == ["# a\nb\n"])
    }

    @Test func cutsALongLineAndSkipsItsRest() throws {
        var framing = RecordFraming()
        framing.recordBytesMax = 10
        framing.truncatedRecordTerminator = bytes("~\n")
        var splitter = try RecordSplitter(framing: framing, startOffset: 0)
        let records = splitter.feed(bytes("abcdefghijklmnop\nshort\n"), nowMilliseconds: 0)
        #expect(records.count == 3)
        #expect(records[0] == FramedRecord(bytes: bytes("abcdefgh~\n"), startOffset: 0, endOffset: 10, kind: .record, isTruncated: true))
        #expect(records[1] == FramedRecord(bytes: [], startOffset: 10, endOffset: 17, kind: .skipped(.truncatedRemainder)))
        #expect(records[2].bytes == bytes("short\n"))
    }

    @Test func aLineOfExactlyTheLimitIsKept() throws {
        var framing = RecordFraming()
        framing.recordBytesMax = 4
        var splitter = try RecordSplitter(framing: framing, startOffset: 0)
        #expect(texts(splitter.feed(bytes("abc\nabcd\n"), nowMilliseconds: 0)) == ["abc\n", "abc\n"])
    }

    @Test func aLineThatNeverEndsIsCutAndPassedWithoutBeingHeld() throws {
        var framing = RecordFraming()
        framing.recordBytesMax = 16
        var splitter = try RecordSplitter(framing: framing, startOffset: 0)
        var records: [FramedRecord] = []
        for _ in 0..<100 {
            splitter.feed([UInt8](repeating: 0x41, count: 7)[...], nowMilliseconds: 0, into: &records)
        }
        #expect(records.first?.bytes.count == 16)
        #expect(records.first?.isTruncated == true)
        #expect(records.dropFirst().allSatisfy { $0.kind == .skipped(.truncatedRemainder) })
        #expect(splitter.emittedEndOffset == 700)
        #expect(!splitter.hasWaitingRecord)
    }

    @Test func cutsAMultiLineRecordThatOutgrowsTheLimit() throws {
        var framing = RecordFraming()
        framing.multiLineStartPattern = "S"
        framing.recordBytesMax = 8
        var splitter = try RecordSplitter(framing: framing, startOffset: 0)
        let records = splitter.feed(bytes("S1\nabc\ndef\nghi\nS2\n"), nowMilliseconds: 0)
        #expect(records[0] == FramedRecord(bytes: bytes("S1\nabc\n\n"), startOffset: 0, endOffset: 11, kind: .record, isTruncated: true))
        #expect(records[1] == FramedRecord(bytes: [], startOffset: 11, endOffset: 15, kind: .skipped(.truncatedRemainder)))
        #expect(texts(splitter.finish()) == ["S2\n"])
    }

    @Test func sendsAPartialLastLineAfterTheTimeoutOnceTheFileStoppedGrowing() throws {
        var framing = RecordFraming()
        framing.partialLineTimeoutMilliseconds = 5_000
        var splitter = try RecordSplitter(framing: framing, startOffset: 0)
        #expect(splitter.feed(bytes("abc"), nowMilliseconds: 1_000).isEmpty)
        #expect(splitter.flushPartial(nowMilliseconds: 5_999, fileStoppedGrowing: true).isEmpty)
        #expect(splitter.flushPartial(nowMilliseconds: 9_000, fileStoppedGrowing: false).isEmpty)
        let flushed = splitter.flushPartial(nowMilliseconds: 6_000, fileStoppedGrowing: true)
        #expect(flushed == [FramedRecord(bytes: bytes("abc"), startOffset: 0, endOffset: 3, kind: .record)])
        #expect(splitter.feed(bytes("def\n"), nowMilliseconds: 7_000) == [
            FramedRecord(bytes: bytes("def\n"), startOffset: 3, endOffset: 7, kind: .record)
        ])
        #expect(splitter.flushPartial(nowMilliseconds: 99_000, fileStoppedGrowing: true).isEmpty)
    }

    @Test func extendingAPartialLineRestartsItsTimeout() throws {
        var splitter = try RecordSplitter(framing: RecordFraming(), startOffset: 0)
        _ = splitter.feed(bytes("ab"), nowMilliseconds: 0)
        _ = splitter.feed(bytes("c"), nowMilliseconds: 4_000)
        #expect(splitter.flushPartial(nowMilliseconds: 6_000, fileStoppedGrowing: true).isEmpty)
        #expect(texts(splitter.flushPartial(nowMilliseconds: 9_000, fileStoppedGrowing: true)) == ["abc"])
    }

    @Test func refusesAnInvalidPattern() {
        var framing = RecordFraming()
        framing.multiLineStartPattern = "(unclosed"
        #expect(throws: LinePatternError.self) { try RecordSplitter(framing: framing, startOffset: 0) }
    }
}
