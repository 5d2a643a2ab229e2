import ArgumentParser

/// Names the stream a command acts on, by name or by ARN, as the API accepts either.
struct StreamSelection: ParsableArguments {
    @Option(name: .customLong("stream-name"), help: "The stream's name.")
    var streamName: String?

    @Option(name: .customLong("stream-arn"), help: "The stream's ARN, instead of (or as well as) its name.")
    var streamARN: String?

    /// The stream's name: --stream-name, or else the name part of --stream-arn.
    var name: String {
        if let streamName { return streamName }
        guard let streamARN, let slash = streamARN.firstIndex(of: "/") else { return streamARN ?? "" }
        return String(streamARN[streamARN.index(after: slash)...])
    }

    func validate() throws {
        guard streamName != nil || streamARN != nil else {
            throw ValidationError("name the stream with --stream-name or --stream-arn")
        }
    }
}
