/// Sends one HTTP request and returns the whole response: the client's only I/O, behind a protocol so that tests
/// can script the server's answers.
protocol HTTPTransport: Sendable {
    /// Throws `KinesisClientError.connectionFailed` or `.connectionLost` for what went wrong on the network, and
    /// `CancellationError` when the calling task was cancelled.
    func post(_ request: HTTPTransportRequest) async throws -> HTTPTransportResponse
    func shutdown() async throws
}

struct HTTPTransportRequest: Sendable {
    var endpoint: ClientEndpoint
    var headers: [(name: String, value: String)]
    var body: [UInt8]
}

struct HTTPTransportResponse: Sendable {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    /// The first value of the header called `name`, compared without case.
    func value(of name: String) -> String? {
        let name = name.lowercased()
        return headers.first { $0.name.lowercased() == name }?.value
    }
}
