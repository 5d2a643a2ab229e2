import RivuletCore

/// The account's minimum throughput billing commitment as DescribeAccountSettings and UpdateAccountSettings report
/// it: its state and, once there has been one, when it started, ended, or may end at the earliest.
public struct MinimumThroughputBillingCommitmentOutput: Sendable, Equatable {
    public var status: MinimumThroughputBillingCommitmentOutputStatus
    public var startedAt: WireTimestamp?
    public var endedAt: WireTimestamp?
    public var earliestAllowedEndAt: WireTimestamp?

    public init(
        status: MinimumThroughputBillingCommitmentOutputStatus, startedAt: WireTimestamp? = nil,
        endedAt: WireTimestamp? = nil, earliestAllowedEndAt: WireTimestamp? = nil
    ) {
        self.status = status
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.earliestAllowedEndAt = earliestAllowedEndAt
    }
}

extension MinimumThroughputBillingCommitmentOutput: WireStructure {
    init(members: WireMembers) throws(KinesisError) {
        status = try members.required("Status")
        startedAt = members.optional("StartedAt")
        endedAt = members.optional("EndedAt")
        earliestAllowedEndAt = members.optional("EarliestAllowedEndAt")
    }

    func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("Status", status)
        writer.member("StartedAt", startedAt)
        writer.member("EndedAt", endedAt)
        writer.member("EarliestAllowedEndAt", earliestAllowedEndAt)
        writer.endObject()
    }
}
