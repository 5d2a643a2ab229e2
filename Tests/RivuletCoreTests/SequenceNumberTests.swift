import Testing

@testable import RivuletCore

@Suite struct SequenceNumberTests {
    @Test func rendersFiftySixDigits() {
        let number = SequenceNumber(shardCreationMilliseconds: 1_700_000_000_123, shardIndex: 7, position: 42)
        let text = number.description
        #expect(text.count == 56)
        #expect(text.allSatisfy { $0.isNumber })
        #expect(text.hasPrefix("49"))
    }

    @Test(arguments: [UInt64(0), 1, 999, UInt64.max - 1])
    func roundTrips(position: UInt64) throws {
        let number = SequenceNumber(shardCreationMilliseconds: 1_700_000_000_000, shardIndex: 123, position: position)
        let parsed = try #require(SequenceNumber(parsing: number.description))
        #expect(parsed == number)
    }

    @Test func theShardStartPrecedesTheFirstRecord() throws {
        let start = SequenceNumber.shardStart(shardCreationMilliseconds: 1_000, shardIndex: 3)
        let first = SequenceNumber(shardCreationMilliseconds: 1_000, shardIndex: 3, position: 0)
        #expect(start < first)
        #expect(start.description < first.description)
        #expect(try #require(SequenceNumber(parsing: start.description)) == start)
        #expect(start.atPosition == 0)
        #expect(start.afterPosition == 0)
        #expect(first.atPosition == 0)
        #expect(first.afterPosition == 1)
    }

    @Test func orderAsBigIntegersMatchesOrderOfValues() {
        let numbers = [
            SequenceNumber(shardCreationMilliseconds: 1_000, shardIndex: 0, position: 0),
            SequenceNumber(shardCreationMilliseconds: 1_000, shardIndex: 0, position: 9),
            SequenceNumber(shardCreationMilliseconds: 1_000, shardIndex: 0, position: 10),
            // A child shard created later compares greater than everything in its parent.
            SequenceNumber(shardCreationMilliseconds: 1_000, shardIndex: 1, position: 0),
            SequenceNumber(shardCreationMilliseconds: 2_000, shardIndex: 0, position: 0),
        ]
        for (left, right) in zip(numbers, numbers.dropFirst()) {
            #expect(left < right)
            // Same digit count, so string order is big-integer order.
            #expect(left.description < right.description)
        }
    }

    @Test(arguments: ["", "0", "1", "12345", String(repeating: "1", count: 56), String(repeating: "9", count: 57),
                      "49" + String(repeating: "x", count: 54)])
    func refusesNumbersNotIssuedHere(text: String) {
        #expect(SequenceNumber(parsing: text) == nil)
    }
}

@Suite struct ShardIDTests {
    @Test func formatsWithTwelveDigits() {
        #expect(ShardID(index: 0).description == "shardId-000000000000")
        #expect(ShardID(index: 123).description == "shardId-000000000123")
    }

    @Test func parsesTheFormsAWSNormalises() {
        #expect(ShardID(parsing: "shardId-000000000123")?.index == 123)
        #expect(ShardID(parsing: "123")?.index == 123)
        #expect(ShardID(parsing: "shardId-5")?.index == 5)
        #expect(ShardID(parsing: "shardId-") == nil)
        #expect(ShardID(parsing: "shard-1") == nil)
        #expect(ShardID(parsing: "-1") == nil)
    }
}

@Suite struct CRC32CTests {
    @Test func knownVector() {
        // The CRC32C check value of "123456789" is 0xE3069283.
        #expect(CRC32CChecksum.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32CChecksum.checksum([UInt8]()) == 0)
    }

    @Test func extendingInPiecesEqualsOneShot() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let whole = CRC32CChecksum.checksum(bytes)
        let split = bytes.withUnsafeBytes { buffer in
            let first = CRC32CChecksum.extend(0, UnsafeRawBufferPointer(rebasing: buffer[0..<333]))
            return CRC32CChecksum.extend(first, UnsafeRawBufferPointer(rebasing: buffer[333...]))
        }
        #expect(split == whole)
    }
}
