/// A moment in UTC as calendar fields (proleptic Gregorian), converted to and from epoch milliseconds by
/// arithmetic alone, so that no locale or time zone database can change a signature's date, a log record's
/// timestamp or an error message's time. The one calendar of the project: SigV4 timestamps, the agent's ADDMETADATA
/// `ts` and the Java-style dates of expired-iterator messages are all written from it.
///
/// Days are counted from March, so the leap day ends the year, in eras of 400 years (146,097 days), so dates before
/// 1970 need no special case (Howard Hinnant's civil-from-days method and its inverse).
public struct UTCDateTime: Sendable, Equatable {
    public let year: Int
    /// 1...12.
    public let month: Int
    /// 1...31, as the month has.
    public let day: Int
    public let hour: Int
    public let minute: Int
    public let second: Int
    public let millisecond: Int
    /// Days since 1970-01-01, negative before it.
    public let daysSinceEpoch: Int64

    public init(epochMilliseconds: Int64) {
        let days = epochMilliseconds.floorDivided(by: 86_400_000)
        let millisecondOfDay = Int(epochMilliseconds - days * 86_400_000)
        let shifted = days + 719_468
        let era = shifted.floorDivided(by: 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        day = Int(dayOfYear - (153 * monthFromMarch + 2) / 5 + 1)
        month = Int(monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9)
        year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
        hour = millisecondOfDay / 3_600_000
        minute = millisecondOfDay / 60_000 % 60
        second = millisecondOfDay / 1000 % 60
        millisecond = millisecondOfDay % 1000
        daysSinceEpoch = days
    }

    /// The moment the fields name; nil for one that does not exist (the 31st of April, hour 24, a 29th of
    /// February outside a leap year).
    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, millisecond: Int = 0) {
        guard (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day),
            (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second),
            (0...999).contains(millisecond)
        else { return nil }
        let shiftedYear = Int64(month <= 2 ? year - 1 : year)
        let era = shiftedYear.floorDivided(by: 400)
        let yearOfEra = shiftedYear - era * 400
        let monthFromMarch = Int64(month > 2 ? month - 3 : month + 9)
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.millisecond = millisecond
        daysSinceEpoch = era * 146_097 + dayOfEra - 719_468
    }

    public var epochMilliseconds: Int64 {
        daysSinceEpoch * 86_400_000 + Int64(hour * 3_600_000 + minute * 60_000 + second * 1000 + millisecond)
    }

    /// 0 for Monday through 6 for Sunday (1970-01-01 was a Thursday).
    public var weekdayFromMonday: Int {
        Int((daysSinceEpoch + 3) - (daysSinceEpoch + 3).floorDivided(by: 7) * 7)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `value` in decimal, zero-padded on the left to `width` digits (a sign, if any, first).
    public static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
