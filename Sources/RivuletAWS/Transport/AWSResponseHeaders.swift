/// What every response has besides its body: the status and the headers, read without regard to case.
public protocol AWSResponseHeaders {
    var status: Int { get }
    var headers: [(name: String, value: String)] { get }
}

extension AWSResponseHeaders {
    /// The first value of the header called `name`, compared without case.
    public func value(of name: String) -> String? {
        let name = name.lowercased()
        return headers.first { $0.name.lowercased() == name }?.value
    }

    /// The request id AWS services answer with (S3's under its own name), for messages.
    public var requestId: String? { value(of: "x-amzn-requestid") ?? value(of: "x-amz-request-id") }
}
