/// The regular expressions of the model's string shapes, each matched by hand: there are few, and exact Java
/// semantics (ASCII `\d` and `\S`, `.` stopping at line terminators, whole-string match) matter more than
/// generality. `source` is the expression as the model writes it, which is how messages quote it.
enum WirePattern: Sendable {
    /// StreamName, ShardId and other names.
    case name
    case streamARN
    /// TagResource and friends accept stream and consumer ARNs.
    case resourceARN
    case streamId
    case hashKey
    case sequenceNumber

    var source: String {
        switch self {
        case .name: "[a-zA-Z0-9_.-]+"
        case .streamARN: #"arn:aws.*:kinesis:.*:\d{12}:stream/\S+"#
        case .resourceARN: #"arn:aws.*:kinesis:.*:\d{12}:.*stream/\S+"#
        case .streamId: "[a-z0-9]{20}-[a-z0-9]{3}"
        case .hashKey: #"0|([1-9]\d{0,38})"#
        case .sequenceNumber: #"0|([1-9]\d{0,128})"#
        }
    }

    func matches(_ text: String) -> Bool {
        switch self {
        case .name: !text.isEmpty && text.utf8.allSatisfy(Self.isNameCharacter)
        case .streamARN: Self.matchesARN(Array(text.unicodeScalars), anythingBeforeStream: false)
        case .resourceARN: Self.matchesARN(Array(text.unicodeScalars), anythingBeforeStream: true)
        case .streamId: Self.matchesStreamId(Array(text.utf8))
        case .hashKey: Self.matchesDecimal(Array(text.utf8), extraDigitsMax: 38)
        case .sequenceNumber: Self.matchesDecimal(Array(text.utf8), extraDigitsMax: 128)
        }
    }

    // MARK: Matchers

    private static func isNameCharacter(_ byte: UInt8) -> Bool {
        isLowercaseOrDigit(byte) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }

    private static func isLowercaseOrDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || isDigit(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// `[a-z0-9]{20}-[a-z0-9]{3}`
    private static func matchesStreamId(_ bytes: [UInt8]) -> Bool {
        bytes.count == 24 && bytes[20] == UInt8(ascii: "-")
            && bytes.indices.allSatisfy { $0 == 20 || isLowercaseOrDigit(bytes[$0]) }
    }

    /// `0|([1-9]\d{0,N})`
    private static func matchesDecimal(_ bytes: [UInt8], extraDigitsMax: Int) -> Bool {
        guard let first = bytes.first, isDigit(first) else { return false }
        if first == UInt8(ascii: "0") { return bytes.count == 1 }
        return bytes.count <= extraDigitsMax + 1 && bytes.allSatisfy(isDigit)
    }

    /// `arn:aws.*:kinesis:.*:\d{12}:stream/\S+`, or with `.*` before `stream/` for resource ARNs.
    ///
    /// Every `.*` lies in one run of text without line terminators from after `arn:aws` to the account's colon,
    /// so the match exists when, for some colon `m` followed by 12 digits and `:`, that run is free of line
    /// terminators, the earliest `:kinesis:` ends at or before `m`, and the tail after `m` has the right form.
    private static func matchesARN(_ scalars: [Unicode.Scalar], anythingBeforeStream: Bool) -> Bool {
        let prefix = Array("arn:aws".unicodeScalars)
        let service = Array(":kinesis:".unicodeScalars)
        guard scalars.starts(with: prefix) else { return false }
        guard let serviceStart = firstIndex(of: service, in: scalars, from: prefix.count) else { return false }
        var index = serviceStart + service.count
        // The account colon may not come before the service's own colon ends.
        while index < scalars.count {
            if isLineTerminator(scalars[index]) { return false }
            if scalars[index] == ":", matchesAccountAndResource(scalars, colon: index, anythingBeforeStream) {
                return !scalars[prefix.count..<serviceStart].contains(where: isLineTerminator)
            }
            index += 1
        }
        return false
    }

    /// `:\d{12}:` at `colon`, then `stream/\S+` (or `.*stream/\S+`) to the end.
    private static func matchesAccountAndResource(
        _ scalars: [Unicode.Scalar], colon: Int, _ anythingBeforeStream: Bool
    ) -> Bool {
        let resourceStart = colon + 14
        guard resourceStart <= scalars.count, scalars[colon + 13] == ":",
            scalars[(colon + 1)...(colon + 12)].allSatisfy({ $0.isASCII && isDigit(UInt8($0.value)) })
        else { return false }
        let streamMarker = Array("stream/".unicodeScalars)
        var start = resourceStart
        while start + streamMarker.count < scalars.count {
            if scalars[start..<start + streamMarker.count].elementsEqual(streamMarker),
                !scalars[(start + streamMarker.count)...].contains(where: isJavaWhitespace)
            {
                return true
            }
            guard anythingBeforeStream, !isLineTerminator(scalars[start]) else { return false }
            start += 1
        }
        return false
    }

    private static func firstIndex(of needle: [Unicode.Scalar], in scalars: [Unicode.Scalar], from: Int) -> Int? {
        guard scalars.count >= needle.count else { return nil }
        return (from...(scalars.count - needle.count)).first {
            scalars[$0..<$0 + needle.count].elementsEqual(needle)
        }
    }

    /// What Java's `.` does not match.
    private static func isLineTerminator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// Java's `\s`: ASCII whitespace only.
    private static func isJavaWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: true
        default: false
        }
    }
}
