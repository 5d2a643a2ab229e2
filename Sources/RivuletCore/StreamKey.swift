/// Where a stream lives: Kinesis scopes stream names by account and region, so the same name may exist in several.
public struct StreamScope: Hashable, Sendable, Codable, CustomStringConvertible {
    public var account: String
    public var region: String

    public init(account: String, region: String) {
        self.account = account
        self.region = region
    }

    public var description: String { "\(account)/\(region)" }
}

/// A stream's full identity: scope plus name.
public struct StreamKey: Hashable, Sendable, Codable, CustomStringConvertible {
    public var scope: StreamScope
    public var name: String

    public init(scope: StreamScope, name: String) {
        self.scope = scope
        self.name = name
    }

    public init(account: String, region: String, name: String) {
        self.init(scope: StreamScope(account: account, region: region), name: name)
    }

    /// `arn:aws:kinesis:{region}:{account}:stream/{name}`.
    public var streamARN: String { "arn:aws:kinesis:\(scope.region):\(scope.account):stream/\(name)" }

    public var description: String { "\(scope)/\(name)" }
}
