import RivuletCore

/// Who is asking, and where: the account and the region from the request's SigV4 credential scope.
public struct RequestContext: Sendable {
    public var scope: StreamScope
    public var accessKeyId: String
    public var requestId: String

    public init(scope: StreamScope, accessKeyId: String, requestId: String) {
        self.scope = scope
        self.accessKeyId = accessKeyId
        self.requestId = requestId
    }
}
