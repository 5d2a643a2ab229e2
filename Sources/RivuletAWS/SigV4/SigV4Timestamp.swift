import RivuletCore

/// A request's signing time, to the second. SigV4 writes it in ISO 8601 basic format (`20261127T002500Z`); a request
/// may instead carry it in an HTTP `Date` header (`Fri, 27 Nov 2026 00:25:00 GMT`), which botocore sends when the
/// caller set one. The conversions go through `UTCDateTime`'s calendar arithmetic, so that no locale or time zone
/// database can change them.
public struct SigV4Timestamp: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var epochSeconds: Int64

    public init(epochSeconds: Int64) {
        self.epochSeconds = epochSeconds
    }

    public init(epochMilliseconds: Int64) {
        // Floor division, so an instant before 1970 still falls in the second that contains it.
        self.init(epochSeconds: epochMilliseconds.floorDivided(by: 1000))
    }

    /// Parses `yyyyMMdd'T'HHmmss'Z'`; nil for anything else, including impossible dates such as the 31st of April.
    public init?(basicFormat text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z"),
            let year = Self.number(bytes[0..<4]), let month = Self.number(bytes[4..<6]),
            let day = Self.number(bytes[6..<8]), let hour = Self.number(bytes[9..<11]),
            let minute = Self.number(bytes[11..<13]), let second = Self.number(bytes[13..<15])
        else { return nil }
        self.init(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    /// Parses the HTTP date form of RFC 7231 (`Fri, 27 Nov 2026 00:25:00 GMT`), also with the zone written
    /// `-0000` or `+0000` as Python's `formatdate` does. Other zones are refused rather than applied: HTTP dates
    /// are in GMT, and shifting one silently would move the signature window.
    public init?(httpDate text: String) {
        let fields = text.split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count == 6, fields[0].hasSuffix(","), ["GMT", "UTC", "-0000", "+0000"].contains(fields[5]),
            let day = Self.number(fields[1].utf8), let month = Self.monthNames.firstIndex(of: String(fields[2])),
            let year = Self.number(fields[3].utf8), fields[3].utf8.count == 4
        else { return nil }
        let clock = fields[4].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 3, clock.allSatisfy({ $0.utf8.count == 2 }),
            let hour = Self.number(clock[0].utf8), let minute = Self.number(clock[1].utf8),
            let second = Self.number(clock[2].utf8)
        else { return nil }
        self.init(year: year, month: month + 1, day: day, hour: hour, minute: minute, second: second)
    }

    private init?(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        guard let time = UTCDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        else { return nil }
        epochSeconds = time.epochMilliseconds / 1000
    }

    /// `20261127T002500Z`.
    public var basicFormat: String {
        let time = UTCDateTime(epochMilliseconds: epochSeconds * 1000)
        let pad = UTCDateTime.padded
        return pad(time.year, 4) + pad(time.month, 2) + pad(time.day, 2) + "T" + pad(time.hour, 2)
            + pad(time.minute, 2) + pad(time.second, 2) + "Z"
    }

    /// `20261127`: the date element of a credential scope.
    public var scopeDate: String { String(basicFormat.prefix(8)) }

    public var description: String { basicFormat }

    public func adding(seconds: Int64) -> SigV4Timestamp {
        SigV4Timestamp(epochSeconds: epochSeconds + seconds)
    }

    public static func < (left: SigV4Timestamp, right: SigV4Timestamp) -> Bool {
        left.epochSeconds < right.epochSeconds
    }

    private static let monthNames = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    private static func number(_ digits: some Collection<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 4 else { return nil }
        var value = 0
        for digit in digits {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }
}
