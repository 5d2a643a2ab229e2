import Testing

@testable import RivuletAgent

@Suite struct AcknowledgementWindowTests {
    @Test func theOffsetMovesOnlyOverAContiguousPrefix() {
        var window = AcknowledgementWindow(startOffsetBytes: 100)
        let first = window.append(endOffsetBytes: 110, done: false)
        let second = window.append(endOffsetBytes: 120, done: false)
        let third = window.append(endOffsetBytes: 130, done: false)
        window.acknowledge(third)
        window.acknowledge(second)
        // The first record is still in flight: a crash now must read it again, so nothing moves.
        #expect(window.acknowledgedOffsetBytes == 100)
        #expect(window.pendingCount == 3)
        window.acknowledge(first)
        #expect(window.acknowledgedOffsetBytes == 130)
        #expect(window.pendingCount == 0)
    }

    @Test func skippedRecordsArePassedAtOnceWhenNothingIsBeforeThem() {
        var window = AcknowledgementWindow(startOffsetBytes: 0)
        _ = window.append(endOffsetBytes: 5, done: true)
        #expect(window.acknowledgedOffsetBytes == 5)
        let sent = window.append(endOffsetBytes: 9, done: false)
        _ = window.append(endOffsetBytes: 12, done: true)
        #expect(window.acknowledgedOffsetBytes == 5)
        window.acknowledge(sent)
        #expect(window.acknowledgedOffsetBytes == 12)
    }

    @Test func acknowledgementsInRandomOrderEndAtTheLastOffsetAndNeverOvertakeAGap() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            var window = AcknowledgementWindow(startOffsetBytes: 0)
            let count = Int.random(in: 1...3_000, using: &generator)
            var sequences: [Int] = []
            for index in 0..<count {
                sequences.append(window.append(endOffsetBytes: Int64(index + 1) * 10, done: false))
            }
            var done = Set<Int>()
            for sequence in sequences.shuffled(using: &generator) {
                window.acknowledge(sequence)
                done.insert(sequence)
                // The offset is the end of the longest all-done prefix, exactly.
                var prefix = 0
                while prefix < count && done.contains(sequences[prefix]) { prefix += 1 }
                #expect(window.acknowledgedOffsetBytes == Int64(prefix) * 10)
            }
            #expect(window.pendingCount == 0)
        }
    }

    @Test func aRepeatedOrUnknownAcknowledgementChangesNothing() {
        var window = AcknowledgementWindow(startOffsetBytes: 0)
        let first = window.append(endOffsetBytes: 10, done: false)
        window.acknowledge(first)
        window.acknowledge(first)
        window.acknowledge(first + 100)
        #expect(window.acknowledgedOffsetBytes == 10)
        #expect(window.pendingCount == 0)
    }
}
