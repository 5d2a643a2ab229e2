import RivuletCore

/// A strict recursive-descent JSON parser over a borrowed buffer, building the `WireValue` tree on `JSONReader`.
/// Strings without escapes are made in one copy; integers are read exactly into 64 bits, everything else through
/// the standard library's correctly rounded `Double` parsing.
struct JSONParser {
    private var reader: JSONReader
    private var depth = 0
    /// Elements of one array kept; the rest are parsed for syntax and dropped (see
    /// `Limits.bodyArrayElementsKeptMax`). Unbounded for answers, whose lists may be long.
    private let arrayElementsKeptMax: Int

    init(_ input: UnsafeRawBufferPointer, arrayElementsKeptMax: Int = .max) {
        reader = JSONReader(input)
        self.arrayElementsKeptMax = arrayElementsKeptMax
    }

    mutating func parseDocument() throws(JSONParseError) -> WireValue {
        try reader.skipInsignificant()
        let value = try parseValue()
        try reader.skipInsignificant()
        guard reader.isAtEnd else { throw reader.unexpected(expecting: "the end of the document") }
        return value
    }

    private mutating func parseValue() throws(JSONParseError) -> WireValue {
        guard let byte = reader.current else { throw reader.unexpected(expecting: "a value") }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try reader.readString())
        case UInt8(ascii: "t"): try reader.expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try reader.expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try reader.expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw reader.unexpected(expecting: "a value")
        }
    }

    private mutating func parseObject() throws(JSONParseError) -> WireValue {
        try enterContainer()
        var members: [WireObject.Member] = []
        try reader.skipInsignificant()
        if reader.current == UInt8(ascii: "}") {
            reader.advance()
            depth -= 1
            return .object(WireObject(members))
        }
        while true {
            try reader.skipInsignificant()
            guard reader.current == UInt8(ascii: "\"") else { throw reader.unexpected(expecting: "a member name") }
            let name = try reader.readString()
            try reader.skipInsignificant()
            try reader.expect(UInt8(ascii: ":"), "':'")
            try reader.skipInsignificant()
            members.append(WireObject.Member(name: name, value: try parseValue()))
            try reader.skipInsignificant()
            if reader.current == UInt8(ascii: "}") {
                reader.advance()
                break
            }
            try reader.expect(UInt8(ascii: ","), "',' or '}'")
        }
        depth -= 1
        return .object(WireObject(members))
    }

    private mutating func parseArray() throws(JSONParseError) -> WireValue {
        try enterContainer()
        var elements: [WireValue] = []
        try reader.skipInsignificant()
        if reader.current == UInt8(ascii: "]") {
            reader.advance()
            depth -= 1
            return .array(elements)
        }
        while true {
            try reader.skipInsignificant()
            let element = try parseValue()
            if elements.count < arrayElementsKeptMax { elements.append(element) }
            try reader.skipInsignificant()
            if reader.current == UInt8(ascii: "]") {
                reader.advance()
                break
            }
            try reader.expect(UInt8(ascii: ","), "',' or ']'")
        }
        depth -= 1
        return .array(elements)
    }

    /// Consumes the opening bracket, refusing documents nested deeper than the limit.
    private mutating func enterContainer() throws(JSONParseError) {
        depth += 1
        guard depth <= Limits.bodyNestingDepthMax else {
            throw reader.error("objects and arrays nest deeper than \(Limits.bodyNestingDepthMax) levels")
        }
        reader.advance()
    }

    /// An integer that fits in 64 bits stays exact; any other number must be a finite `Double`.
    private mutating func parseNumber() throws(JSONParseError) -> WireValue {
        let token = try reader.readNumber()
        if let integer = token.integer { return .integer(integer) }
        guard let value = Double(reader.text(token.range)), value.isFinite else {
            throw reader.error("the number is out of range", at: token.range.lowerBound)
        }
        return .double(value)
    }
}
