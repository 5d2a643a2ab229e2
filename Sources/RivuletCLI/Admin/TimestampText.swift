import Foundation
import RivuletWire

/// How the text output shows a timestamp: ISO 8601 in UTC with milliseconds, the precision Kinesis keeps.
enum TimestampText {
    static func text(_ timestamp: WireTimestamp) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date(timeIntervalSince1970: Double(timestamp.epochMilliseconds) / 1000))
    }
}
