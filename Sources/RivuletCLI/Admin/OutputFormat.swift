import ArgumentParser

/// How an admin command prints the service's answer.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// Readable lines and tables, for people.
    case text
    /// The API's JSON response, pretty-printed, for scripts and for comparing with the service.
    case json
}
