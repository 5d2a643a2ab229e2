/// Names of a shard's files: `<first position, 20 digits>.log` for a segment and `.index` for its sparse index.
/// Zero padding makes the names sort in position order.
enum SegmentFileName {
    static let positionDigits = 20
    static let logSuffix = ".log"
    static let indexSuffix = ".index"

    static func log(_ firstPosition: UInt64) -> String { padded(firstPosition) + logSuffix }

    static func index(_ firstPosition: UInt64) -> String { padded(firstPosition) + indexSuffix }

    /// The first position of a segment file name, or nil for any other file.
    static func position(ofLog name: String) -> UInt64? {
        guard name.hasSuffix(logSuffix) else { return nil }
        let digits = name.dropLast(logSuffix.count)
        guard digits.utf8.count == positionDigits, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            return nil
        }
        return UInt64(digits)
    }

    private static func padded(_ position: UInt64) -> String {
        let digits = String(position)
        return String(repeating: "0", count: positionDigits - digits.count) + digits
    }
}
