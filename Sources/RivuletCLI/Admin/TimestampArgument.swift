import ArgumentParser
import Foundation
import RivuletWire

/// A point in time from the command line: epoch seconds (`1700000000.5`) or ISO 8601 (`2024-05-01T12:00:00Z`,
/// fractional seconds allowed), the forms the aws CLI accepts.
struct TimestampArgument: ExpressibleByArgument {
    var timestamp: WireTimestamp

    init?(argument: String) {
        if let seconds = Double(argument), seconds.isFinite {
            timestamp = WireTimestamp(epochSeconds: seconds)
            return
        }
        let formatter = ISO8601DateFormatter()
        let accepted: [ISO8601DateFormatter.Options] = [
            .withInternetDateTime, [.withInternetDateTime, .withFractionalSeconds],
        ]
        for options in accepted {
            formatter.formatOptions = options
            if let date = formatter.date(from: argument) {
                timestamp = WireTimestamp(epochSeconds: date.timeIntervalSince1970)
                return
            }
        }
        return nil
    }
}
