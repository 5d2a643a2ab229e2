/// A response whose body arrives as it is read: for objects larger than one should hold in memory.
public struct AWSStreamedResponse: AWSResponseHeaders, Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: AWSResponseBody

    public init(status: Int, headers: [(name: String, value: String)], body: AWSResponseBody) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
