import RivuletLeases
import Testing

@testable import RivuletConsumer

@Suite struct SequenceOrderTests {
    @Test func comparesByMagnitudeNotText() {
        #expect(SequenceOrder.compare("9", "10") == -1)
        #expect(SequenceOrder.compare("0010", "10") == 0)
        #expect(SequenceOrder.compare("49600000000000000000000000000000000000000000000000000002", "49600000000000000000000000000000000000000000000000000001") == 1)
    }

    @Test func subSequenceNumbersBreakTies() {
        let checkpoint = ExtendedSequenceNumber(sequenceNumber: "100", subSequenceNumber: 2)
        #expect(SequenceOrder.isAtOrBefore(.init(sequenceNumber: "100", subSequenceNumber: 2), checkpoint))
        #expect(SequenceOrder.isAtOrBefore(.init(sequenceNumber: "100", subSequenceNumber: 1), checkpoint))
        #expect(!SequenceOrder.isAtOrBefore(.init(sequenceNumber: "100", subSequenceNumber: 3), checkpoint))
        #expect(!SequenceOrder.isAtOrBefore(.init(sequenceNumber: "101"), checkpoint))
        #expect(SequenceOrder.isAtOrBefore(.init(sequenceNumber: "99", subSequenceNumber: 7), checkpoint))
    }
}
