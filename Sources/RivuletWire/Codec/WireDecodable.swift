import RivuletCore

/// A value a shape reads from one member. Reading is lenient: a value of another type reads as nil, and the shape
/// decides whether that matters. Requests reach this only after the checker has verified every type.
protocol WireDecodable {
    init?(wire value: WireValue)
}

extension String: WireDecodable {
    init?(wire value: WireValue) {
        guard case .string(let text) = value else { return nil }
        self = text
    }
}

extension Int64: WireDecodable {
    init?(wire value: WireValue) {
        switch value {
        case .integer(let integer): self = integer
        case .double(let double): self = Int64(saturating: double)
        default: return nil
        }
    }
}

extension Int: WireDecodable {
    init?(wire value: WireValue) {
        guard let integer = Int64(wire: value) else { return nil }
        self = Int(clamping: integer)
    }
}

extension Bool: WireDecodable {
    init?(wire value: WireValue) {
        guard case .bool(let flag) = value else { return nil }
        self = flag
    }
}

extension Array: WireDecodable where Element: WireDecodable {
    init?(wire value: WireValue) {
        guard case .array(let elements) = value else { return nil }
        var decoded: [Element] = []
        decoded.reserveCapacity(elements.count)
        for element in elements {
            guard let item = Element(wire: element) else { return nil }
            decoded.append(item)
        }
        self = decoded
    }
}

extension Dictionary: WireDecodable where Key == String, Value: WireDecodable {
    init?(wire value: WireValue) {
        guard case .object(let object) = value else { return nil }
        var decoded: [String: Value] = [:]
        for member in object.members {
            guard let item = Value(wire: member.value) else { return nil }
            decoded[member.name] = item
        }
        self = decoded
    }
}

extension WireTimestamp: WireDecodable {
    /// CBOR marks a timestamp (tag 1) and carries it in milliseconds, which are taken as they are. A plain number is
    /// epoch seconds, as JSON carries it; a CBOR request with an untagged number reads the same way, because the
    /// service model gives a timestamp member one meaning whatever the format. A fraction like `.123` is not exact
    /// in binary, so a product within a microsecond of a whole millisecond is taken as that millisecond; anything
    /// finer is truncated, as the service does.
    init?(wire value: WireValue) {
        switch value {
        case .timestamp(let timestamp):
            self = timestamp
        case .integer(let seconds):
            let (milliseconds, overflow) = seconds.multipliedReportingOverflow(by: 1000)
            self.init(epochMilliseconds: overflow ? (seconds < 0 ? .min : .max) : milliseconds)
        case .double(let seconds):
            let scaled = seconds * 1000
            let nearest = scaled.rounded()
            let milliseconds = abs(scaled - nearest) < 0.001 ? nearest : scaled.rounded(.down)
            self.init(epochMilliseconds: Int64(saturating: milliseconds))
        default:
            return nil
        }
    }
}

extension Int64 {
    /// The nearest representable value, truncating any fraction toward zero.
    init(saturating value: Double) {
        if value.isNaN {
            self = 0
        } else if value >= 0x1p63 {
            self = .max
        } else if value <= -0x1p63 {
            self = .min
        } else {
            self = Int64(value)
        }
    }
}
