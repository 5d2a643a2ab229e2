import RivuletCore

/// Formats epoch milliseconds as Java's `Date.toString()` does in UTC, "Thu Nov 16 22:13:20 UTC 2023", the form
/// the service uses in ExpiredIteratorException messages.
enum JavaDateText {
    private static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func format(epochMilliseconds: Int64) -> String {
        let time = UTCDateTime(epochMilliseconds: epochMilliseconds)
        let pad = UTCDateTime.padded
        return "\(weekdays[time.weekdayFromMonday]) \(months[time.month - 1]) \(pad(time.day, 2)) "
            + "\(pad(time.hour, 2)):\(pad(time.minute, 2)):\(pad(time.second, 2)) UTC \(time.year)"
    }
}
