import RivuletCore

@testable import RivuletWire

/// Changes a request body the way a hostile or broken client would: numbers at and past every boundary their Java
/// type has, strings empty or huge or of the wrong kind, members of the wrong type, dropped, duplicated or borrowed
/// from other operations, lists far past their limits. Each change keeps the body parseable, so the request gets
/// past the parser and reaches the checks and handlers behind it; `FuzzBody` adds damage to the bytes themselves.
struct RequestMutator {
    /// A number whose text no 64-bit value holds, carried through the tree as a string with this prefix and
    /// written as bare number text by `FuzzBody`.
    static let rawNumberPrefix = "\u{1}number:"

    private(set) var random: SplitMix64
    /// Every member name any seed uses, so a mutation can add a member another operation expects.
    let memberNames: [String]
    /// Live values (stream names, ARNs, iterators, sequence numbers) that make a mutated request reach deep code.
    let liveStrings: [String]

    init(seed: UInt64, memberNames: [String], liveStrings: [String]) {
        random = SplitMix64(seed: seed)
        self.memberNames = memberNames
        self.liveStrings = liveStrings
    }

    private static let boundaryIntegers: [Int64] = [
        0, 1, -1, 2, 10, 24, 168, 8_760, 8_761, 10_000, 10_001, 1_000_000, Int64(Int32.max), Int64(Int32.max) + 1,
        Int64(Int32.min), Int64(Int32.min) - 1, Int64(UInt32.max), .max, .min, .max - 1, .min + 1,
        1_700_000_000, 1_700_000_000_000, 253_402_300_799, 253_402_300_800_000,
    ]
    private static let boundaryDoubles: [Double] = [
        1e308, -1e308, 1.7976931348623157e308, 0x1p63, -0x1p63, 0x1p64, 0.5, -0.5, 2.9, 1e-300, 4_294_967_296.5,
    ]
    private static let rawNumbers = [
        "18446744073709551616", "-9223372036854775809", "99999999999999999999999999999999999999", "1e999",
        "-0", "0e0", "1E+2",
    ]
    private static let strings = [
        "", " ", "a", "-1", "0", "1e308", "NaN", "null", "shardId-", "shardId-999999999999999999999",
        "shardId-000000000000", "shardId--00000000001", "99999999999999999999999999999999999999999999999999999999999",
        "49000000000000000000000000000000000000000000000000000000", "340282366920938463463374607431768211456",
        "340282366920938463463374607431768211455", "-340282366920938463463374607431768211455",
        "arn:aws:kinesis:us-east-1:000000000000:stream/", "arn:aws:kinesis:us-east-1:000000000000:stream/x/consumer/y:1",
        "arn:aws:kinesis:::", "AT_TIMESTAMP", "AFTER_SEQUENCE_NUMBER", "LATEST", "TRIM_HORIZON", "AT_SEQUENCE_NUMBER",
        "FROM_TRIM_HORIZON", "AT_LATEST", "AFTER_SHARD_ID", "FROM_TIMESTAMP", "KMS", "NONE", "ON_DEMAND", "PROVISIONED",
        "ALL", "UNIFORM_SCALING", "ENABLED", "DISABLED", "\u{0}", "é\u{301}", "🪣", "%ZZ", "../../etc/passwd",
    ]

    mutating func mutate(_ value: WireValue, times: Int) -> WireValue {
        var result = value
        for _ in 0..<times { result = mutateSomewhere(result) }
        return result
    }

    /// Walks to a random node and changes it.
    private mutating func mutateSomewhere(_ value: WireValue) -> WireValue {
        switch value {
        case .object(var object) where !object.members.isEmpty && chance(3, in: 4):
            switch pick(upTo: 10) {
            case 0:
                object.members.remove(at: pick(upTo: object.members.count))
            case 1:
                object.members.append(WireObject.Member(name: memberNames[pick(upTo: memberNames.count)], value: newValue()))
            case 2:
                let member = object.members[pick(upTo: object.members.count)]
                object.members.append(member)
            default:
                let index = pick(upTo: object.members.count)
                object.members[index].value = mutateSomewhere(object.members[index].value)
            }
            return .object(object)
        case .array(var elements) where !elements.isEmpty && chance(3, in: 4):
            switch pick(upTo: 8) {
            case 0:
                let count = [501, 1_000, 10_001][pick(upTo: 3)]
                let element = elements[pick(upTo: elements.count)]
                elements = Array(repeating: element, count: count)
            case 1:
                elements.remove(at: pick(upTo: elements.count))
            default:
                let index = pick(upTo: elements.count)
                elements[index] = mutateSomewhere(elements[index])
            }
            return .array(elements)
        default:
            return replace(value)
        }
    }

    /// A new value, usually of the same kind as the old one so the request keeps passing the type checks.
    private mutating func replace(_ value: WireValue) -> WireValue {
        guard chance(4, in: 5) else { return newValue() }
        switch value {
        case .integer, .double: return newNumber()
        case .string(let text): return newString(replacing: text)
        case .bool(let flag): return .bool(!flag)
        case .bytes(let bytes): return .bytes(bytes + bytes)
        case .timestamp: return .timestamp(WireTimestamp(epochMilliseconds: Self.boundaryIntegers[pick(upTo: Self.boundaryIntegers.count)]))
        default: return newValue()
        }
    }

    private mutating func newValue() -> WireValue {
        switch pick(upTo: 8) {
        case 0: return .null
        case 1: return .bool(chance(1, in: 2))
        case 2, 3: return newNumber()
        case 4, 5: return newString(replacing: "")
        case 6: return .array([newNumber(), newString(replacing: "")])
        default: return .object(WireObject([WireObject.Member(name: memberNames[pick(upTo: memberNames.count)], value: newNumber())]))
        }
    }

    private mutating func newNumber() -> WireValue {
        switch pick(upTo: 6) {
        case 0, 1, 2: return .integer(Self.boundaryIntegers[pick(upTo: Self.boundaryIntegers.count)])
        case 3: return .integer(Int64(bitPattern: random.next()))
        case 4: return .double(Self.boundaryDoubles[pick(upTo: Self.boundaryDoubles.count)])
        default: return .string(Self.rawNumberPrefix + Self.rawNumbers[pick(upTo: Self.rawNumbers.count)])
        }
    }

    private mutating func newString(replacing text: String) -> WireValue {
        switch pick(upTo: 8) {
        case 0: return .string(String(repeating: "x", count: [129, 257, 1_025, 65_536, 1_048_577][pick(upTo: 5)]))
        case 1, 2: return .string(liveStrings[pick(upTo: liveStrings.count)])
        case 3: return .string(text + Self.strings[pick(upTo: Self.strings.count)])
        default: return .string(Self.strings[pick(upTo: Self.strings.count)])
        }
    }

    mutating func pick(upTo bound: Int) -> Int { Int(random.next() % UInt64(bound)) }

    mutating func chance(_ numerator: Int, in denominator: Int) -> Bool { pick(upTo: denominator) < numerator }
}
