/// A point in time as the API carries it. JSON writes epoch seconds with a fraction, CBOR epoch milliseconds; both
/// are exact in milliseconds, which is also the precision Kinesis keeps.
public struct WireTimestamp: Hashable, Sendable, Comparable {
    public var epochMilliseconds: Int64

    public init(epochMilliseconds: Int64) {
        self.epochMilliseconds = epochMilliseconds
    }

    /// Converts epoch seconds with a fraction (as JSON sends them) to milliseconds, truncating toward negative
    /// infinity as Java's conversion does; values beyond the 64-bit millisecond range are clamped.
    public init(epochSeconds: Double) {
        let milliseconds = (epochSeconds * 1000).rounded(.down)
        if milliseconds >= Double(Int64.max) {
            epochMilliseconds = .max
        } else if milliseconds <= Double(Int64.min) || milliseconds.isNaN {
            epochMilliseconds = .min
        } else {
            epochMilliseconds = Int64(milliseconds)
        }
    }

    public static func < (left: WireTimestamp, right: WireTimestamp) -> Bool {
        left.epochMilliseconds < right.epochMilliseconds
    }
}
