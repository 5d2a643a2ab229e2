/// A request's signing time, to the second. SigV4 writes it in ISO 8601 basic format (`20261127T002500Z`); a request
/// may instead carry it in an HTTP `Date` header (`Fri, 27 Nov 2026 00:25:00 GMT`), which botocore sends when the
/// caller set one. The conversions are done here by calendar arithmetic so that no locale or time zone database can
/// change them.
public struct SigV4Timestamp: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var epochSeconds: Int64

    public init(epochSeconds: Int64) {
        self.epochSeconds = epochSeconds
    }

    public init(epochMilliseconds: Int64) {
        // Floor division, so an instant before 1970 still falls in the second that contains it.
        self.init(epochSeconds: Self.floorDivide(epochMilliseconds, 1000).quotient)
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
        guard (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day),
            (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        let days = Self.daysSinceEpoch(year: year, month: month, day: day)
        epochSeconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// `20261127T002500Z`.
    public var basicFormat: String {
        let (days, secondOfDay) = Self.floorDivide(epochSeconds, 86_400)
        let (year, month, day) = Self.civilDate(daysSinceEpoch: days)
        return Self.padded(year, 4) + Self.padded(month, 2) + Self.padded(day, 2) + "T"
            + Self.padded(Int(secondOfDay / 3600), 2) + Self.padded(Int(secondOfDay / 60 % 60), 2)
            + Self.padded(Int(secondOfDay % 60), 2) + "Z"
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

    // MARK: Calendar arithmetic: proleptic Gregorian, counted from March so the leap day ends the year, in eras of
    // 400 years (146,097 days) so negative years need no special case.

    private static let monthNames = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int64 {
        let shiftedYear = Int64(month <= 2 ? year - 1 : year)
        let era = floorDivide(shiftedYear, 400).quotient
        let yearOfEra = shiftedYear - era * 400
        let monthFromMarch = Int64(month > 2 ? month - 3 : month + 9)
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civilDate(daysSinceEpoch days: Int64) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097).quotient
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }

    private static func number(_ digits: some Collection<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 4 else { return nil }
        var value = 0
        for digit in digits {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
