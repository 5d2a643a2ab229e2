import RivuletCore

/// Finds one top-level field of a JSON object record without building the record's values: the per-record path of
/// `partitionKeyField`. Records are strict JSON (no comments). The whole record is checked, so a record that is not
/// one valid JSON object has no field.
struct JSONRecordFieldScanner {
    private var cursor: JSONReader

    init(bytes: UnsafeRawBufferPointer) {
        self.cursor = JSONReader(bytes)
    }

    /// The field's value as text; nil when absent, null, an object or an array. A key given twice: the last wins,
    /// as in most JSON readers.
    mutating func stringField(named name: String) throws(JSONParseError) -> String? {
        try cursor.skipInsignificant()
        try cursor.expect(UInt8(ascii: "{"), "'{'")
        var found: String?
        try cursor.skipInsignificant()
        if cursor.current == UInt8(ascii: "}") {
            cursor.advance()
        } else {
            try readMembers(named: name, found: &found)
        }
        try cursor.skipInsignificant()
        guard cursor.isAtEnd else { throw cursor.unexpected(expecting: "the end of the record") }
        return found
    }

    private mutating func readMembers(named name: String, found: inout String?) throws(JSONParseError) {
        while true {
            try cursor.skipInsignificant()
            guard cursor.current == UInt8(ascii: "\"") else { throw cursor.unexpected(expecting: "a key") }
            let key = try cursor.readString()
            try cursor.skipInsignificant()
            try cursor.expect(UInt8(ascii: ":"), "':'")
            try cursor.skipInsignificant()
            if key == name {
                found = try readScalarText()
            } else {
                try skipValue(depth: 1)
            }
            try cursor.skipInsignificant()
            if cursor.current == UInt8(ascii: "}") {
                cursor.advance()
                return
            }
            try cursor.expect(UInt8(ascii: ","), "',' or '}'")
        }
    }

    private mutating func readScalarText() throws(JSONParseError) -> String? {
        switch cursor.current ?? 0 {
        case UInt8(ascii: "\""):
            return try cursor.readString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return cursor.text(try cursor.readNumber().range)
        case UInt8(ascii: "t"):
            try cursor.expectLiteral("true")
            return "true"
        case UInt8(ascii: "f"):
            try cursor.expectLiteral("false")
            return "false"
        default:
            try skipValue(depth: 1)
            return nil
        }
    }

    private mutating func skipValue(depth: Int) throws(JSONParseError) {
        switch cursor.current ?? 0 {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard depth < ConfigurationLimits.recordNestingDepthMax else {
                throw cursor.error("the record nests too deep")
            }
            try skipContainer(depth: depth + 1)
        case UInt8(ascii: "\""):
            try cursor.skipString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            _ = try cursor.readNumber()
        case UInt8(ascii: "t"):
            try cursor.expectLiteral("true")
        case UInt8(ascii: "f"):
            try cursor.expectLiteral("false")
        case UInt8(ascii: "n"):
            try cursor.expectLiteral("null")
        default:
            throw cursor.unexpected(expecting: "a value")
        }
    }

    /// An object or array, from its opening bracket to past its closing one.
    private mutating func skipContainer(depth: Int) throws(JSONParseError) {
        let isObject = cursor.current == UInt8(ascii: "{")
        let closing = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
        cursor.advance()
        try cursor.skipInsignificant()
        if cursor.current == closing {
            cursor.advance()
            return
        }
        while true {
            try cursor.skipInsignificant()
            if isObject {
                guard cursor.current == UInt8(ascii: "\"") else { throw cursor.unexpected(expecting: "a key") }
                try cursor.skipString()
                try cursor.skipInsignificant()
                try cursor.expect(UInt8(ascii: ":"), "':'")
                try cursor.skipInsignificant()
            }
            try skipValue(depth: depth)
            try cursor.skipInsignificant()
            if cursor.current == closing {
                cursor.advance()
                return
            }
            try cursor.expect(UInt8(ascii: ","), "','")
        }
    }
}

extension JSONDocumentParser {
    /// The value of a top-level field of a JSON object record, as text: strings as they are, numbers as written,
    /// booleans as `true`/`false`. nil when the field is absent, null, an object or an array, or when the record is
    /// not one valid JSON object. Never throws: a record that is not JSON simply has no such field.
    public static func topLevelStringField(named name: String, in bytes: [UInt8]) -> String? {
        bytes.withUnsafeBytes { buffer in
            var scanner = JSONRecordFieldScanner(bytes: buffer)
            return try? scanner.stringField(named: name)
        }
    }
}
