import Testing

@testable import RivuletAggregation

@Suite struct DeaggregationTests {
    typealias F = AggregateFixtures

    private func sampleAggregate() -> [UInt8] {
        var builder = AggregateBuilder()
        builder.append(UserRecord(partitionKey: "one", data: Array("hello".utf8)))
        builder.append(UserRecord(partitionKey: "two", explicitHashKey: "7", data: Array(repeating: 3, count: 200)))
        builder.append(UserRecord(partitionKey: "one", data: []))
        return builder.encode()
    }

    @Test func plainDataIsNotAggregated() {
        #expect(AggregatedRecordFormat.deaggregate([]) == .notAggregated)
        #expect(AggregatedRecordFormat.deaggregate(Array("just a line of text".utf8)) == .notAggregated)
        #expect(AggregatedRecordFormat.deaggregate(Array(repeating: 0, count: 100)) == .notAggregated)
        // The magic alone, or with less than a digest after it, cannot be an aggregate.
        #expect(AggregatedRecordFormat.deaggregate(AggregatedRecordFormat.magic) == .notAggregated)
        #expect(
            AggregatedRecordFormat.deaggregate(AggregatedRecordFormat.magic + Array(repeating: 1, count: 15))
                == .notAggregated)
    }

    @Test func anEmptyMessageIsAnAggregateOfNothing() {
        #expect(AggregatedRecordFormat.deaggregate(F.wrap([])) == .aggregated([]))
    }

    @Test func everyFlippedBitAfterTheMagicIsCorrupt() {
        let aggregate = sampleAggregate()
        for index in AggregatedRecordFormat.magic.count..<aggregate.count {
            var damaged = aggregate
            damaged[index] ^= 0x10
            guard case .corrupt = AggregatedRecordFormat.deaggregate(damaged) else {
                Issue.record("a flip at byte \(index) went unnoticed")
                continue
            }
        }
    }

    @Test func everyTruncationIsNotAggregatedOrCorrupt() {
        let aggregate = sampleAggregate()
        for length in 0..<aggregate.count {
            let result = AggregatedRecordFormat.deaggregate(Array(aggregate.prefix(length)))
            if length < AggregatedRecordFormat.magic.count + 16 {
                #expect(result == .notAggregated, "length \(length)")
            } else if case .corrupt = result {
            } else {
                Issue.record("a truncation to \(length) bytes gave \(result)")
            }
        }
    }

    @Test func unknownFieldsAndTagsAreSkipped() {
        let record =
            F.varintField(1, 0) + F.field(3, F.text("data"))
            + F.field(4, F.field(1, F.text("tag-key")) + F.field(2, F.text("tag-value")))
            + F.varintField(9, 5) + F.field(10, F.text("future"))
        let message =
            F.field(1, F.text("pk")) + F.varintField(7, 1) + F.field(3, record) + F.field(8, F.text("later"))
            + [0x6D, 0x30, 0x30, 0x30, 0x30]  // field 13, fixed32
            + [0x71, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30]  // field 14, fixed64
        #expect(
            AggregatedRecordFormat.deaggregate(F.wrap(message))
                == .aggregated([
                    DeaggregatedRecord(partitionKey: "pk", data: Array("data".utf8), subSequenceNumber: 0)
                ]))
    }

    @Test func tablesMayFollowTheRecords() {
        let message =
            F.field(3, F.varintField(1, 1) + F.varintField(2, 0) + F.field(3, F.text("x")))
            + F.field(1, F.text("p0")) + F.field(1, F.text("p1")) + F.field(2, F.text("99"))
        #expect(
            AggregatedRecordFormat.deaggregate(F.wrap(message))
                == .aggregated([
                    DeaggregatedRecord(
                        partitionKey: "p1", explicitHashKey: "99", data: Array("x".utf8), subSequenceNumber: 0)
                ]))
    }

    @Test(arguments: [
        ("partition key index out of range", F.field(1, F.text("p")) + F.field(3, F.varintField(1, 1) + F.field(3, []))),
        ("hash key index out of range", F.field(1, F.text("p")) + F.field(3, F.varintField(1, 0) + F.varintField(2, 0) + F.field(3, []))),
        ("missing partition key index", F.field(1, F.text("p")) + F.field(3, F.field(3, F.text("d")))),
        ("missing data", F.field(1, F.text("p")) + F.field(3, F.varintField(1, 0))),
        ("tag without key", F.field(1, F.text("p")) + F.field(3, F.varintField(1, 0) + F.field(3, []) + F.field(4, F.field(2, F.text("v"))))),
        ("table entry with a varint", F.varintField(1, 3)),
        ("data as a varint", F.field(1, F.text("p")) + F.field(3, F.varintField(1, 0) + F.varintField(3, 1))),
        ("length past the end", [0x0A, 0x05, 0x61]),
        ("varint cut short", [0x08, 0x80]),
        ("field number zero", [0x02, 0x00]),
        ("group wire type", [0x0B, 0x0C]),
        ("varint over ten bytes", [0x08] + Array(repeating: 0xFF, count: 10) + [0x01]),
    ] as [(String, [UInt8])])
    func malformedMessagesAreCorrupt(name: String, message: [UInt8]) {
        guard case .corrupt = AggregatedRecordFormat.deaggregate(F.wrap(message)) else {
            Issue.record("\(name) was not reported corrupt")
            return
        }
    }

    @Test func aDigestOfSomethingElseIsCorrupt() {
        var aggregate = sampleAggregate()
        aggregate.replaceSubrange((aggregate.count - 16)..., with: Array(repeating: 0, count: 16))
        #expect(
            AggregatedRecordFormat.deaggregate(aggregate)
                == .corrupt(reason: "the MD5 digest does not match the message"))
    }
}

@Suite struct DeaggregationTextTests {
    @Test func aPartitionKeyThatIsNotUTF8IsCorrupt() {
        let message: [UInt8] = [0x0A, 0x02, 0xC3, 0x28, 0x1A, 0x04, 0x08, 0x00, 0x1A, 0x00]
        guard case .corrupt = AggregatedRecordFormat.deaggregate(AggregateFixtures.wrap(message)) else {
            Issue.record("an invalid UTF-8 key was accepted")
            return
        }
    }
}
