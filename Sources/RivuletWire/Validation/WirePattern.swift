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
    /// RegisterStreamConsumer's answer and the consumer operations name a consumer by this ARN.
    case consumerARN
    case hashKey
    case sequenceNumber

    var source: String {
        switch self {
        case .name: "[a-zA-Z0-9_.-]+"
        case .streamARN: #"arn:aws.*:kinesis:.*:\d{12}:stream/\S+"#
        case .resourceARN: #"arn:aws.*:kinesis:.*:\d{12}:.*stream/\S+"#
        case .streamId: "[a-z0-9]{20}-[a-z0-9]{3}"
        case .consumerARN:
            #"^(arn):aws.*:kinesis:.*:\d{12}:.*stream\/[a-zA-Z0-9_.-]+\/consumer\/[a-zA-Z0-9_.-]+:[0-9]+"#
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
        case .consumerARN: Self.matchesConsumerARN(Array(text.unicodeScalars))
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

    /// `^(arn):aws.*:kinesis:.*:\d{12}:.*stream\/NAME\/consumer\/NAME:[0-9]+`, NAME being `[a-zA-Z0-9_.-]+`.
    ///
    /// Names hold neither `/` nor `:`, so the tail is found from the end without searching: the digits after the
    /// last colon, the consumer name back to `/consumer/`, the stream name back to `stream/`. What comes before
    /// `stream/` must then be `arn:aws.*:kinesis:.*:\d{12}:.*`.
    private static func matchesConsumerARN(_ scalars: [Unicode.Scalar]) -> Bool {
        guard let colon = scalars.lastIndex(of: ":"), colon + 1 < scalars.count,
            scalars[(colon + 1)...].allSatisfy(isDigitScalar)
        else { return false }
        let consumerMarker = Array("/consumer/".unicodeScalars)
        let streamMarker = Array("stream/".unicodeScalars)
        let consumerStart = startOfName(in: scalars, endingBefore: colon)
        guard consumerStart < colon, scalars[..<consumerStart].elementsEnd(with: consumerMarker) else { return false }
        let streamNameEnd = consumerStart - consumerMarker.count
        let streamNameStart = startOfName(in: scalars, endingBefore: streamNameEnd)
        guard streamNameStart < streamNameEnd, scalars[..<streamNameStart].elementsEnd(with: streamMarker) else {
            return false
        }
        return matchesARNHead(scalars[..<(streamNameStart - streamMarker.count)])
    }

    /// `arn:aws.*:kinesis:.*:\d{12}:.*`, the whole of `head`. The earliest `:kinesis:` leaves the most room for
    /// the account after it, so it is the only one worth trying.
    private static func matchesARNHead(_ head: ArraySlice<Unicode.Scalar>) -> Bool {
        let scalars = Array(head)
        let prefix = Array("arn:aws".unicodeScalars)
        let service = Array(":kinesis:".unicodeScalars)
        guard scalars.starts(with: prefix), !scalars[prefix.count...].contains(where: isLineTerminator),
            let serviceStart = firstIndex(of: service, in: scalars, from: prefix.count)
        else { return false }
        var colon = serviceStart + service.count
        while colon + 14 <= scalars.count {
            if scalars[colon] == ":", scalars[colon + 13] == ":",
                scalars[(colon + 1)...(colon + 12)].allSatisfy(isDigitScalar)
            {
                return true
            }
            colon += 1
        }
        return false
    }

    /// Where the run of name characters that ends just before `end` begins (`end` itself when there is none).
    private static func startOfName(in scalars: [Unicode.Scalar], endingBefore end: Int) -> Int {
        var start = end
        while start > 0, scalars[start - 1].isASCII, isNameCharacter(UInt8(scalars[start - 1].value)) { start -= 1 }
        return start
    }

    private static func isDigitScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && isDigit(UInt8(scalar.value))
    }

    private static func firstIndex(of needle: [Unicode.Scalar], in scalars: [Unicode.Scalar], from: Int) -> Int? {
        // Short texts such as "arn:aws:kinesis" leave no room after `from`, and an empty range must not trap.
        guard scalars.count - needle.count >= from else { return nil }
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

extension ArraySlice where Element: Equatable {
    /// Whether the slice's last elements are `suffix`.
    fileprivate func elementsEnd(with suffix: [Element]) -> Bool {
        count >= suffix.count && self[(endIndex - suffix.count)...].elementsEqual(suffix)
    }
}
