import Testing

@testable import RivuletCore

@Suite struct HashKeyRangeTests {
    @Test(arguments: [1, 2, 3, 4, 7, 100, 500])
    func evenSplitCoversTheKeySpaceWithoutGapsOrOverlap(count: Int) {
        let ranges = HashKeyRange.evenSplit(count: count)
        #expect(ranges.count == count)
        #expect(ranges.first?.startingHashKey == 0)
        #expect(ranges.last?.endingHashKey == UInt128.max)
        for (left, right) in zip(ranges, ranges.dropFirst()) {
            #expect(left.endingHashKey + 1 == right.startingHashKey)
        }
    }

    @Test func threeShardsSplitAsAWSDoes() {
        // AWS's boundaries for a three-shard stream, as DescribeStream reports them.
        let ranges = HashKeyRange.evenSplit(count: 3)
        #expect(String(ranges[0].endingHashKey) == "113427455640312821154458202477256070484")
        #expect(String(ranges[1].startingHashKey) == "113427455640312821154458202477256070485")
        #expect(String(ranges[1].endingHashKey) == "226854911280625642308916404954512140969")
        #expect(String(ranges[2].startingHashKey) == "226854911280625642308916404954512140970")
        #expect(String(ranges[2].endingHashKey) == "340282366920938463463374607431768211455")
    }

    @Test func containsIsInclusiveAtBothEnds() {
        let range = HashKeyRange(startingHashKey: 10, endingHashKey: 20)
        #expect(range.contains(10))
        #expect(range.contains(20))
        #expect(!range.contains(9))
        #expect(!range.contains(21))
    }

    @Test func partitionKeyHashIsTheMD5ReadBigEndian() {
        // MD5("a") = 0cc175b9c0f1b6a831c399e269772661
        #expect(HashKey.of(partitionKey: "a") == UInt128("0cc175b9c0f1b6a831c399e269772661", radix: 16))
        #expect(HashKey.of(partitionKey: "") == UInt128("d41d8cd98f00b204e9800998ecf8427e", radix: 16))
        // Non-ASCII keys hash their UTF-8 bytes (C3 A9), and long keys span several MD5 blocks.
        #expect(HashKey.of(partitionKey: "\u{00E9}") == UInt128("66ddcd97cfdeabb2f6fb8a999b4bc76f", radix: 16))
        #expect(
            HashKey.of(partitionKey: String(repeating: "long key ", count: 40))
                == UInt128("f289b6fea94c7016f93bac0859557760", radix: 16))
    }

    @Test func routingPrefersAnExplicitHashKeyThatParses() {
        #expect(HashKey.routing(partitionKey: "k", explicitHashKey: "17") == 17)
        #expect(HashKey.routing(partitionKey: "k", explicitHashKey: nil) == HashKey.of(partitionKey: "k"))
        #expect(HashKey.routing(partitionKey: "k", explicitHashKey: "not a number") == HashKey.of(partitionKey: "k"))
    }

    @Test func explicitHashKeyParsing() {
        #expect(HashKey.parse(decimal: "0") == 0)
        #expect(HashKey.parse(decimal: "340282366920938463463374607431768211455") == UInt128.max)
        #expect(HashKey.parse(decimal: "340282366920938463463374607431768211456") == nil)
        #expect(HashKey.parse(decimal: "-1") == nil)
        #expect(HashKey.parse(decimal: "12a") == nil)
        #expect(HashKey.parse(decimal: "") == nil)
        #expect(HashKey.parse(decimal: " 1") == nil)
    }

    @Test func codableKeepsAll128Bits() throws {
        let range = HashKeyRange(startingHashKey: 1, endingHashKey: UInt128.max)
        let encoded = try JSONEncoder().encode(range)
        #expect(try JSONDecoder().decode(HashKeyRange.self, from: encoded) == range)
    }
}

import Foundation
