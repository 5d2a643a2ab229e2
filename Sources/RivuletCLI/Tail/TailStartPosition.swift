import ArgumentParser
import RivuletConsumer

/// `--from`: trim-horizon, latest, or a timestamp in the forms the aws CLI accepts.
struct TailStartPosition: ExpressibleByArgument {
    var initialPosition: InitialPosition

    init?(argument: String) {
        switch argument.lowercased() {
        case "trim-horizon", "trim_horizon": initialPosition = .trimHorizon
        case "latest": initialPosition = .latest
        default:
            guard let timestamp = TimestampArgument(argument: argument) else { return nil }
            initialPosition = .atTimestamp(epochMilliseconds: timestamp.timestamp.epochMilliseconds)
        }
    }

    static var allValueStrings: [String] { ["trim-horizon", "latest", "<timestamp>"] }
}
