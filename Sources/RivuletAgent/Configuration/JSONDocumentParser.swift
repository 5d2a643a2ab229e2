import RivuletCore

/// Parses JSON text into a `JSONValue`, keeping member order and number literals. By default it reads what the
/// Kinesis Agent reads (Jackson with ALLOW_COMMENTS): strict JSON plus `//` and `/* */` comments; no `#` comments,
/// single quotes or trailing commas. A key given twice in one object is an error, since only one could be honoured.
/// A byte order mark at the start is skipped; lines and columns in errors count from after it.
public struct JSONDocumentParser {
    private var cursor: JSONReader
    private let nestingDepthMax: Int

    private init(bytes: UnsafeRawBufferPointer, allowsComments: Bool, nestingDepthMax: Int) {
        self.cursor = JSONReader(bytes, allowsComments: allowsComments)
        self.nestingDepthMax = nestingDepthMax
    }

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public static func parse(
        _ text: String,
        allowsComments: Bool = true,
        documentBytesMax: Int = ConfigurationLimits.documentBytesMax,
        nestingDepthMax: Int = ConfigurationLimits.nestingDepthMax
    ) throws(JSONParseError) -> JSONValue {
        try parse(
            Array(text.utf8), allowsComments: allowsComments, documentBytesMax: documentBytesMax,
            nestingDepthMax: nestingDepthMax)
    }

    public static func parse(
        _ bytes: [UInt8],
        allowsComments: Bool = true,
        documentBytesMax: Int = ConfigurationLimits.documentBytesMax,
        nestingDepthMax: Int = ConfigurationLimits.nestingDepthMax
    ) throws(JSONParseError) -> JSONValue {
        guard bytes.count <= documentBytesMax else {
            throw JSONParseError(
                message: "the document is \(bytes.count) bytes; at most \(documentBytesMax) are read", line: 1,
                column: 1)
        }
        let contentStart = bytes.starts(with: byteOrderMark) ? byteOrderMark.count : 0
        let parsed = bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONParseError) -> JSONValue in
                var parser = JSONDocumentParser(
                    bytes: UnsafeRawBufferPointer(rebasing: buffer[contentStart...]), allowsComments: allowsComments,
                    nestingDepthMax: nestingDepthMax)
                let value = try parser.parseValue(depth: 0)
                try parser.cursor.skipInsignificant()
                guard parser.cursor.isAtEnd else {
                    throw parser.cursor.unexpected(expecting: "the end of the document")
                }
                return value
            }
        }
        return try parsed.get()
    }

    private mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
        try cursor.skipInsignificant()
        guard let byte = cursor.current else { throw cursor.unexpected(expecting: "a value") }
        switch byte {
        case UInt8(ascii: "{"):
            return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["):
            return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""):
            return .string(try cursor.readString())
        case UInt8(ascii: "t"):
            try cursor.expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try cursor.expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try cursor.expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(cursor.text(try cursor.readNumber().range))
        default:
            throw cursor.unexpected(expecting: "a value")
        }
    }

    private func checkDepth(_ depth: Int) throws(JSONParseError) {
        guard depth <= nestingDepthMax else {
            throw cursor.error("objects and arrays nest deeper than \(nestingDepthMax) levels")
        }
    }

    private mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
        try checkDepth(depth)
        cursor.advance()
        var members: [JSONMember] = []
        var keys: Set<String> = []
        try cursor.skipInsignificant()
        if cursor.current == UInt8(ascii: "}") {
            cursor.advance()
            return .object(members)
        }
        while true {
            try cursor.skipInsignificant()
            let keyStart = cursor.index
            guard cursor.current == UInt8(ascii: "\"") else {
                throw cursor.unexpected(expecting: "a key in double quotes")
            }
            let key = try cursor.readString()
            guard keys.insert(key).inserted else {
                throw cursor.error("the key \"\(key)\" is given twice in this object", at: keyStart)
            }
            try cursor.skipInsignificant()
            try cursor.expect(UInt8(ascii: ":"), "':' after the key")
            members.append(JSONMember(key: key, value: try parseValue(depth: depth)))
            try cursor.skipInsignificant()
            if cursor.current == UInt8(ascii: "}") {
                cursor.advance()
                return .object(members)
            }
            try cursor.expect(UInt8(ascii: ","), "',' or '}'")
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
        try checkDepth(depth)
        cursor.advance()
        var elements: [JSONValue] = []
        try cursor.skipInsignificant()
        if cursor.current == UInt8(ascii: "]") {
            cursor.advance()
            return .array(elements)
        }
        while true {
            elements.append(try parseValue(depth: depth))
            try cursor.skipInsignificant()
            if cursor.current == UInt8(ascii: "]") {
                cursor.advance()
                return .array(elements)
            }
            try cursor.expect(UInt8(ascii: ","), "',' or ']'")
        }
    }
}
