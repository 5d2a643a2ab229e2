/// What SigV4 covers of an HTTP request, independent of any HTTP library: the server builds one from what it
/// received, the client from what it is about to send.
public struct SigV4Request: Sendable {
    public var method: String
    /// The path as it appears on the request line, still percent-encoded.
    public var path: String
    /// The query string as it appears on the request line, without the `?`; empty when there is none.
    public var query: String
    /// In arrival order; a name may repeat.
    public var headers: [(name: String, value: String)]
    /// Lower-case hex SHA-256 of the body. Hashing at construction lets the request outlive the body's buffer.
    public var payloadHash: String

    public init(
        method: String, path: String, query: String, headers: [(name: String, value: String)],
        body: UnsafeRawBufferPointer
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.payloadHash = SigV4.payloadHash(body)
    }

    public init(
        method: String, path: String, query: String, headers: [(name: String, value: String)], body: [UInt8]
    ) {
        self = body.withUnsafeBytes { Self(method: method, path: path, query: query, headers: headers, body: $0) }
    }

    /// A request whose payload hash is known without its body: hashed as it was streamed, or
    /// `SigV4.unsignedPayload`.
    public init(
        method: String, path: String, query: String, headers: [(name: String, value: String)], payloadHash: String
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.payloadHash = payloadHash
    }

    /// The values of every header called `name` (compared without case), in arrival order.
    public func values(of name: String) -> [String] {
        let name = name.lowercased()
        return headers.filter { $0.name.lowercased() == name }.map(\.value)
    }

    /// The first value of the header called `name`, compared without case.
    public func value(of name: String) -> String? {
        let name = name.lowercased()
        return headers.first { $0.name.lowercased() == name }?.value
    }

    /// Replaces every header called `name` by one with `value`, keeping the others in order.
    public mutating func setHeader(_ name: String, _ value: String) {
        removeHeader(name)
        headers.append((name, value))
    }

    /// Removes every header called `name`, compared without case.
    public mutating func removeHeader(_ name: String) {
        let name = name.lowercased()
        headers.removeAll { $0.name.lowercased() == name }
    }
}
