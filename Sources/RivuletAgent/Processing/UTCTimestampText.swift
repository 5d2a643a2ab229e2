import RivuletCore

/// ADDMETADATA's `ts`: the time in UTC as Java's `SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")` writes it,
/// e.g. `2024-03-01T09:05:07.042Z`.
enum UTCTimestampText {
    static func text(epochMilliseconds: Int64) -> String {
        let time = UTCDateTime(epochMilliseconds: epochMilliseconds)
        let pad = UTCDateTime.padded
        return "\(pad(time.year, 4))-\(pad(time.month, 2))-\(pad(time.day, 2))T"
            + "\(pad(time.hour, 2)):\(pad(time.minute, 2)):\(pad(time.second, 2)).\(pad(time.millisecond, 3))Z"
    }
}
