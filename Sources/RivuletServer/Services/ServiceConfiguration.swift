import RivuletCore

/// How the API behaves beyond what the model fixes.
public struct ServiceConfiguration: Sendable {
    /// The account every stream belongs to (`--account-id`).
    public var accountId: String
    /// How long CREATING, UPDATING and DELETING last before the stream settles (`--status-delay-ms`).
    public var statusDelayMilliseconds: Int64
    /// Open shards allowed per account and region, reported by DescribeLimits.
    public var shardLimit: Int
    /// On-demand streams allowed per account and region.
    public var onDemandStreamLimit: Int
    /// Where account settings are kept; nil keeps them in memory only.
    public var accountSettingsPath: String?
    /// Apply the real service's per-shard and control-plane rate limits (`--enforce-limits`).
    public var enforceLimits = false
    /// Faults added on purpose (`--fault-injection`).
    public var faultInjection = FaultInjection()

    public init(
        accountId: String = "000000000000", statusDelayMilliseconds: Int64 = 0,
        shardLimit: Int = Limits.shardCountMaxPerAccount, onDemandStreamLimit: Int = Limits.onDemandStreamCountMax,
        accountSettingsPath: String? = nil, enforceLimits: Bool = false, faultInjection: FaultInjection = FaultInjection()
    ) {
        self.accountSettingsPath = accountSettingsPath
        self.enforceLimits = enforceLimits
        self.faultInjection = faultInjection
        self.accountId = accountId
        self.statusDelayMilliseconds = statusDelayMilliseconds
        self.shardLimit = shardLimit
        self.onDemandStreamLimit = onDemandStreamLimit
    }
}
