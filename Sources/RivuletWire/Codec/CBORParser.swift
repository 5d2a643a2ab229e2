import RivuletCore

/// A strict recursive-descent CBOR parser (RFC 8949) over a borrowed buffer, for the bodies the AWS SDK for Java
/// sends as `application/x-amz-cbor-1.1`. It reads every well-formed item the SDK's generator (Jackson) can write,
/// indefinite-length maps and arrays included, into the same tree as the JSON parser.
///
/// Hostile input is bounded three ways: a length or count is compared with the bytes left before anything is
/// allocated for it (every item takes at least one byte, so the items of a document are bounded by its size),
/// nesting of containers and tags is bounded by `Limits.bodyNestingDepthMax`, and arithmetic on lengths never
/// traps. Any fault throws `Malformed`; which fault it was does not matter to the caller.
struct CBORParser {
    struct Malformed: Error {}

    private let input: UnsafeRawBufferPointer
    private var position = 0
    private var depth = 0
    /// Elements of one array kept; the rest are parsed for syntax and dropped (see
    /// `Limits.bodyArrayElementsKeptMax`). Unbounded for answers, whose lists may be long.
    private let arrayElementsKeptMax: Int

    /// The additional information that marks an indefinite length, or the break that ends one.
    private static let indefinite: UInt8 = 31
    private static let breakByte: UInt8 = 0xFF
    /// Space reserved up front for a definite container, whatever its head claims: the claim is already bounded by
    /// the input, but containers nested inside one another could each claim most of it.
    private static let reservedElementsMax = 1024

    init(_ input: UnsafeRawBufferPointer, arrayElementsKeptMax: Int = .max) {
        self.input = input
        self.arrayElementsKeptMax = arrayElementsKeptMax
    }

    mutating func parseDocument() throws(Malformed) -> WireValue {
        let value = try parseValue()
        guard position == input.count else { throw Malformed() }
        return value
    }

    // MARK: Items

    private mutating func parseValue() throws(Malformed) -> WireValue {
        let initial = try nextByte()
        let additional = initial & 0x1F
        switch initial >> 5 {
        case 0:
            let magnitude = try readArgument(additional)
            return magnitude <= UInt64(Int64.max) ? .integer(Int64(magnitude)) : .double(Double(magnitude))
        case 1:
            // The value is -1 - n; n above Int64.max gives a value below Int64.min.
            let magnitude = try readArgument(additional)
            return magnitude <= UInt64(Int64.max) ? .integer(-1 - Int64(magnitude)) : .double(-1 - Double(magnitude))
        case 2:
            return .bytes(try readStringBytes(major: 2, additional))
        case 3:
            return .string(try readText(additional))
        case 4:
            return try parseArray(additional)
        case 5:
            return try parseMap(additional)
        case 6:
            return try parseTagged(try readArgument(additional))
        default:
            return try parseSimpleOrFloat(additional)
        }
    }

    private mutating func parseArray(_ additional: UInt8) throws(Malformed) -> WireValue {
        try enterContainer()
        var elements: [WireValue] = []
        if additional == Self.indefinite {
            while try !consumeBreak() {
                let element = try parseValue()
                if elements.count < arrayElementsKeptMax { elements.append(element) }
            }
        } else {
            let count = try readCount(additional, bytesPerElement: 1)
            elements.reserveCapacity(min(count, Self.reservedElementsMax, arrayElementsKeptMax))
            for _ in 0..<count {
                let element = try parseValue()
                if elements.count < arrayElementsKeptMax { elements.append(element) }
            }
        }
        depth -= 1
        return .array(elements)
    }

    /// Members are kept in the order they arrive, repeated names included, as the JSON parser keeps them.
    private mutating func parseMap(_ additional: UInt8) throws(Malformed) -> WireValue {
        try enterContainer()
        var members: [WireObject.Member] = []
        if additional == Self.indefinite {
            while try !consumeBreak() {
                members.append(try parseMember())
            }
        } else {
            let count = try readCount(additional, bytesPerElement: 2)
            members.reserveCapacity(min(count, Self.reservedElementsMax))
            for _ in 0..<count {
                members.append(try parseMember())
            }
        }
        depth -= 1
        return .object(WireObject(members))
    }

    /// A key and its value. CBOR allows any item as a key, but a body's members are named, so only text is taken.
    private mutating func parseMember() throws(Malformed) -> WireObject.Member {
        let initial = try nextByte()
        guard initial >> 5 == 3 else { throw Malformed() }
        let name = try readText(initial & 0x1F)
        return WireObject.Member(name: name, value: try parseValue())
    }

    /// Tags count toward the nesting limit, so a long chain of them cannot exhaust the stack.
    private mutating func parseTagged(_ tag: UInt64) throws(Malformed) -> WireValue {
        try enterContainer()
        let content = try parseValue()
        depth -= 1
        switch tag {
        case 1:
            return .timestamp(try Self.epochTimestamp(content))
        case 2, 3:
            guard case .bytes(let magnitude) = content else { throw Malformed() }
            return .double(try Self.bignum(magnitude, negative: tag == 3))
        default:
            // Other tags (dates as text, URIs, the self-described CBOR mark some writers put first, ...) only
            // qualify a value. No Kinesis member needs the qualification and the type checker judges the value
            // itself, so the tag is dropped rather than refusing CBOR that is valid.
            return content
        }
    }

    /// Tag 1 is epoch time. The AWS SDK for Java writes it around integer epoch milliseconds (not the seconds
    /// RFC 8949 describes), and that is what the service reads; a float is truncated toward negative infinity, as
    /// Java's conversion of a fraction of a millisecond does.
    private static func epochTimestamp(_ content: WireValue) throws(Malformed) -> WireTimestamp {
        switch content {
        case .integer(let milliseconds):
            return WireTimestamp(epochMilliseconds: milliseconds)
        case .double(let milliseconds):
            return WireTimestamp(epochMilliseconds: Int64(saturating: milliseconds.rounded(.down)))
        default:
            throw Malformed()
        }
    }

    /// Tags 2 and 3: an unsigned big-endian magnitude n, read as n or as -1 - n. Kinesis has no member this
    /// large, so the value is kept approximately, as JSON keeps an integer beyond 64 bits.
    private static func bignum(_ magnitude: [UInt8], negative: Bool) throws(Malformed) -> Double {
        var value = 0.0
        for byte in magnitude {
            value = value * 256 + Double(byte)
        }
        if negative { value = -1 - value }
        guard value.isFinite else { throw Malformed() }
        return value
    }

    private mutating func parseSimpleOrFloat(_ additional: UInt8) throws(Malformed) -> WireValue {
        switch additional {
        case 20: return .bool(false)
        case 21: return .bool(true)
        // Null, and undefined, which some writers put where a value is missing; both read as an absent member.
        case 22, 23: return .null
        case 25: return try finite(Self.halfFloat(UInt16(truncatingIfNeeded: readUnsigned(byteCount: 2))))
        case 26: return try finite(Double(Float(bitPattern: UInt32(truncatingIfNeeded: readUnsigned(byteCount: 4)))))
        case 27: return try finite(Double(bitPattern: readUnsigned(byteCount: 8)))
        default:
            // Unassigned simple values have no meaning in a body, 28-30 are reserved, and 31 is a break where a
            // value should be.
            throw Malformed()
        }
    }

    /// IEEE 754 binary16: 1 sign bit, 5 exponent bits (bias 15), 10 fraction bits. Computed by hand because the
    /// standard library's `Float16` is missing on some platforms Rivulet builds on (macOS on Intel).
    private static func halfFloat(_ bits: UInt16) -> Double {
        let exponent = Int(bits >> 10 & 0x1F)
        let fraction = Double(bits & 0x3FF)
        let magnitude: Double
        switch exponent {
        case 0: magnitude = fraction * 0x1p-24
        case 31: magnitude = fraction == 0 ? .infinity : .nan
        default: magnitude = (1024 + fraction) * Double(sign: .plus, exponent: exponent - 25, significand: 1)
        }
        return bits & 0x8000 == 0 ? magnitude : -magnitude
    }

    /// NaN and infinities are refused, as JSON cannot carry them either: the tree holds finite numbers only.
    private func finite(_ value: Double) throws(Malformed) -> WireValue {
        guard value.isFinite else { throw Malformed() }
        return .double(value)
    }

    /// Counts one more level of nesting (an array, a map or a tag), refusing documents nested deeper than the limit.
    private mutating func enterContainer() throws(Malformed) {
        depth += 1
        guard depth <= Limits.bodyNestingDepthMax else { throw Malformed() }
    }

    // MARK: Strings

    /// A definite text string (every one the SDK writes) is validated and copied once, straight from the input.
    private mutating func readText(_ additional: UInt8) throws(Malformed) -> String {
        let validated: String?
        if additional == Self.indefinite {
            validated = String(validating: try readStringBytes(major: 3, additional), as: UTF8.self)
        } else {
            let length = try readCount(additional, bytesPerElement: 1)
            let bytes = UnsafeRawBufferPointer(rebasing: input[position..<position + length])
            validated = String(validating: bytes.assumingMemoryBound(to: UInt8.self), as: UTF8.self)
            position += length
        }
        guard let validated else { throw Malformed() }
        return validated
    }

    /// The content of a byte or text string. An indefinite one is a sequence of definite chunks of the same major
    /// type; each chunk of text must be valid UTF-8 on its own (RFC 8949 3.2.3), so a character cannot be split.
    private mutating func readStringBytes(major: UInt8, _ additional: UInt8) throws(Malformed) -> [UInt8] {
        guard additional == Self.indefinite else {
            return try readChunk(additional)
        }
        var bytes: [UInt8] = []
        while try !consumeBreak() {
            let initial = try nextByte()
            guard initial >> 5 == major, initial & 0x1F != Self.indefinite else { throw Malformed() }
            let chunk = try readChunk(initial & 0x1F)
            if major == 3, String(validating: chunk, as: UTF8.self) == nil { throw Malformed() }
            bytes.append(contentsOf: chunk)
        }
        return bytes
    }

    private mutating func readChunk(_ additional: UInt8) throws(Malformed) -> [UInt8] {
        let length = try readCount(additional, bytesPerElement: 1)
        defer { position += length }
        return Array(UnsafeRawBufferPointer(rebasing: input[position..<position + length]))
    }

    // MARK: Heads

    /// A definite length or count, refused when the remaining input cannot hold that many elements of at least
    /// `bytesPerElement` bytes each; so the result is always a valid `Int` and never more than the input.
    private mutating func readCount(_ additional: UInt8, bytesPerElement: Int) throws(Malformed) -> Int {
        let count = try readArgument(additional)
        let remaining = UInt64(input.count - position)
        guard count <= remaining / UInt64(bytesPerElement) else { throw Malformed() }
        return Int(count)
    }

    /// The argument of a head: the additional information itself below 24, else the 1, 2, 4 or 8 bytes after it.
    /// Indefinite lengths (31) are handled by the callers that allow them, so here they are a fault like 28-30.
    private mutating func readArgument(_ additional: UInt8) throws(Malformed) -> UInt64 {
        switch additional {
        case 0..<24: return UInt64(additional)
        case 24: return try readUnsigned(byteCount: 1)
        case 25: return try readUnsigned(byteCount: 2)
        case 26: return try readUnsigned(byteCount: 4)
        case 27: return try readUnsigned(byteCount: 8)
        default: throw Malformed()
        }
    }

    /// A big-endian unsigned number of `byteCount` bytes (1 to 8).
    private mutating func readUnsigned(byteCount: Int) throws(Malformed) -> UInt64 {
        guard input.count - position >= byteCount else { throw Malformed() }
        var value: UInt64 = 0
        for offset in position..<position + byteCount {
            value = value << 8 | UInt64(input[offset])
        }
        position += byteCount
        return value
    }

    private mutating func nextByte() throws(Malformed) -> UInt8 {
        guard position < input.count else { throw Malformed() }
        defer { position += 1 }
        return input[position]
    }

    /// Whether an indefinite item ends here; running out of input before its break is a fault.
    private mutating func consumeBreak() throws(Malformed) -> Bool {
        guard position < input.count else { throw Malformed() }
        guard input[position] == Self.breakByte else { return false }
        position += 1
        return true
    }
}
