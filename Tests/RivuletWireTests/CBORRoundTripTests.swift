import RivuletCore
import Testing

@testable import RivuletWire

/// Properties of the CBOR codec over generated input, replayable from fixed seeds: what the writer writes the parser
/// reads back unchanged; no input, however broken, makes the parser trap; and the operations' shapes survive
/// CBORWire both ways.
@Suite struct CBORRoundTripTests {
    /// Seeded, so a failure can be replayed from the seed it reports.
    typealias SeededGenerator = SplitMix64

    /// Random trees of every kind of value the writer can write (there is no null: shapes omit absent members).
    /// Lengths are spread over the head widths a short body meets: under 24, one byte and two bytes.
    struct TreeGenerator {
        var random: SeededGenerator
        var depthMax = 5

        mutating func value(depth: Int = 0) -> WireValue {
            switch Int.random(in: 0..<(depth < depthMax ? 9 : 6), using: &random) {
            case 0: .bool(Bool.random(using: &random))
            case 1: .integer(integer())
            case 2: .double(double())
            case 3: .string(text())
            case 4: .bytes(blob())
            case 5: .timestamp(WireTimestamp(epochMilliseconds: integer()))
            case 6: .array((0..<count()).map { _ in value(depth: depth + 1) })
            default: .object(WireObject((0..<count()).map { _ in .init(name: text(), value: value(depth: depth + 1)) }))
            }
        }

        /// Any 64-bit value, with every magnitude width equally likely.
        mutating func integer() -> Int64 {
            Int64(bitPattern: random.next()) >> Int64.random(in: 0...63, using: &random)
        }

        mutating func double() -> Double {
            switch Int.random(in: 0..<3, using: &random) {
            case 0: return Double(integer()) / 1000
            case 1: return Double.random(in: -2...2, using: &random)
            default:
                while true {
                    let candidate = Double(bitPattern: random.next())
                    if candidate.isFinite { return candidate }
                }
            }
        }

        mutating func text() -> String {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<length() {
                let ranges: [ClosedRange<UInt32>] = [
                    0x00...0x1F, 0x20...0x7E, 0x20...0x7E, 0xA0...0x7FF, 0x800...0xD7FF, 0xE000...0xFFFD,
                    0x10000...0x10FFFF,
                ]
                let range = ranges[Int.random(in: 0..<ranges.count, using: &random)]
                scalars.append(Unicode.Scalar(UInt32.random(in: range, using: &random)).unsafelyUnwrapped)
            }
            return String(scalars)
        }

        mutating func blob() -> [UInt8] {
            (0..<length()).map { _ in UInt8.random(in: 0...255, using: &random) }
        }

        private mutating func length() -> Int {
            Int.random(in: 0..<20, using: &random) == 0 ? Int.random(in: 24...300, using: &random)
                : Int.random(in: 0...24, using: &random)
        }

        private mutating func count() -> Int { Int.random(in: 0...6, using: &random) }
    }

    static func encode(_ value: WireValue) -> [UInt8] {
        var writer = CBORWriter()
        value.write(to: &writer)
        return writer.bytes
    }

    // MARK: (a) written trees read back unchanged

    static let seeds: [UInt64] = [0, 1, 2, 42, 0x5EED, 0xC0FFEE, 0xDEAD_BEEF, .max]

    @Test(arguments: seeds)
    func writtenTreesParseBackEqual(seed: UInt64) throws {
        var trees = TreeGenerator(random: SeededGenerator(seed: seed))
        for iteration in 0..<500 {
            let tree = trees.value()
            let bytes = Self.encode(tree)
            let parsed = try CBORCodec.parse(bytes)
            #expect(parsed == tree, "seed \(seed), iteration \(iteration): \(HexBytes.encode(bytes))")
            if parsed != tree { return }
        }
    }

    /// Heads of 4 and 8 bytes are too long for the generator's trees; these cover them once.
    @Test func longStringsAndBlobsRoundTrip() throws {
        let blob = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let text = String(repeating: "é", count: 40_000)
        let tree = WireValue.object(
            WireObject([.init(name: "Data", value: .bytes(blob)), .init(name: text, value: .string(text))]))
        let bytes = Self.encode(tree)
        #expect(bytes[6] == 0x5A, "a blob of 70,000 bytes has a four-byte length")
        #expect(try CBORCodec.parse(bytes) == tree)
    }

    // MARK: (b) broken input never traps

    /// 100,000 inputs: random bytes biased toward heads with long lengths, indefinite items and breaks, and
    /// mutations (bit flips, truncations, insertions, deletions, overwrites) of valid encodings. The parser must
    /// return or throw; whatever it accepts must survive being written and read again.
    @Test func brokenInputIsRefusedWithoutTrapping() throws {
        var random = SeededGenerator(seed: 0xF022)
        var trees = TreeGenerator(random: SeededGenerator(seed: 0xF023), depthMax: 3)
        let valid = (0..<200).map { _ in Self.encode(trees.value()) }
        var accepted = 0
        for round in 0..<100_000 {
            let input =
                round % 2 == 0
                ? Self.randomBytes(using: &random)
                : Self.mutate(valid[round / 2 % valid.count], using: &random)
            guard let value = try? CBORCodec.parse(input) else { continue }
            accepted += 1
            // A plain comparison rather than #expect: this runs tens of thousands of times in a debug build.
            if !value.containsNull, (try? CBORCodec.parse(Self.encode(value))) != value {
                Issue.record("round \(round): \(HexBytes.encode(input)) changed when written and read again")
            }
        }
        // Mutated encodings are often still well-formed (a flipped bit inside a string); if none were accepted, the
        // inputs would not be reaching the parser's deeper paths.
        #expect(accepted > 1_000)
    }

    private static let interestingBytes: [UInt8] = [
        0x00, 0x17, 0x18, 0x1B, 0x1F, 0x3B, 0x40, 0x5B, 0x5F, 0x60, 0x7B, 0x7F, 0x80, 0x9B, 0x9F, 0xA0, 0xBB, 0xBF,
        0xC1, 0xC2, 0xC3, 0xDB, 0xF6, 0xF7, 0xF9, 0xFA, 0xFB, 0xFF,
    ]

    private static func randomBytes(using random: inout SeededGenerator) -> [UInt8] {
        (0..<random.below(49)).map { _ in
            let bits = random.next()
            return bits & 1 == 0
                ? interestingBytes[Int((bits >> 8) % UInt64(interestingBytes.count))]
                : UInt8(truncatingIfNeeded: bits >> 16)
        }
    }

    private static func interestingByte(using random: inout SeededGenerator) -> UInt8 {
        interestingBytes[random.below(interestingBytes.count)]
    }

    private static func mutate(_ original: [UInt8], using random: inout SeededGenerator) -> [UInt8] {
        var bytes = original
        for _ in 0...random.below(4) {
            let index = random.below(bytes.count + 1)
            switch random.below(5) {
            case 0 where index < bytes.count:
                bytes[index] ^= 1 << UInt8(random.below(8))
            case 1:
                bytes.removeLast(bytes.count - index)
            case 2:
                bytes.insert(interestingByte(using: &random), at: index)
            case 3 where index < bytes.count:
                bytes.remove(at: index)
            case 4 where index < bytes.count:
                bytes[index] = interestingByte(using: &random)
            default:
                bytes.append(UInt8(truncatingIfNeeded: random.next()))
            }
        }
        return bytes
    }

    // MARK: (c) operation shapes through CBORWire

    @Test func requestShapesRoundTripThroughCBOR() throws {
        let everyByte = (0...255).map { UInt8($0) }
        let putRecords = PutRecordsInput(
            records: [
                PutRecordsRequestEntry(
                    data: everyByte, explicitHashKey: "340282366920938463463374607431768211455", partitionKey: "é"),
                PutRecordsRequestEntry(data: [], partitionKey: "k"),
            ],
            streamARN: "arn:aws:kinesis:us-east-1:123456789012:stream/orders")
        let putRecordsBytes = try expectRoundTrip(putRecords)
        #expect(Self.contains(putRecordsBytes, [0x59, 0x01, 0x00] + everyByte), "the data travels raw")

        let timestamp = WireTimestamp(epochMilliseconds: 1_700_000_000_001)
        let taggedTimestamp: [UInt8] = [0xC1, 0x1B, 0x00, 0x00, 0x01, 0x8B, 0xCF, 0xE5, 0x68, 0x01]
        let getShardIterator = GetShardIteratorInput(
            streamName: "orders", shardId: "shardId-000000000001", shardIteratorType: .atTimestamp,
            timestamp: timestamp)
        #expect(Self.contains(try expectRoundTrip(getShardIterator), taggedTimestamp))

        let listShards = ListShardsInput(
            streamName: "orders", maxResults: 100,
            shardFilter: ShardFilter(type: .atTimestamp, timestamp: timestamp))
        #expect(Self.contains(try expectRoundTrip(listShards), taggedTimestamp))

        try expectRoundTrip(
            CreateStreamInput(
                streamName: "orders", shardCount: 4, streamModeDetails: StreamModeDetails(streamMode: .onDemand),
                tags: ["team": "data", "cost": ""], maxRecordSizeInKiB: 2048))
        try expectRoundTrip(DescribeLimitsInput())
    }

    @discardableResult
    private func expectRoundTrip<Input: WireInput & Equatable>(_ input: Input) throws -> [UInt8] {
        let bytes = CBORWire.encode(input)
        #expect(try CBORWire.decode(Input.self, from: bytes) == input, "\(HexBytes.encode(bytes))")
        return bytes
    }

    private static func contains(_ bytes: [UInt8], _ part: [UInt8]) -> Bool {
        guard part.count <= bytes.count else { return false }
        return (0...(bytes.count - part.count)).contains { bytes[$0..<$0 + part.count].elementsEqual(part) }
    }
}

extension SplitMix64 {
    /// A number in 0..<bound. Cheaper than `Int.random(in:using:)` in a debug build, which the fuzz loop needs to stay
    /// fast; the slight bias of the remainder does not matter here.
    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }
}
