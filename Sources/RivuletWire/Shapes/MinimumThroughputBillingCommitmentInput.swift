import RivuletCore

/// The account's minimum throughput billing commitment as UpdateAccountSettings sets it.
public struct MinimumThroughputBillingCommitmentInput: Sendable, Equatable {
    public var status: MinimumThroughputBillingCommitmentInputStatus

    public init(status: MinimumThroughputBillingCommitmentInputStatus) {
        self.status = status
    }

    static let rules = ShapeRules(
        "MinimumThroughputBillingCommitmentInput",
        [
            MemberRule(
                "Status", .string(.enumeration(MinimumThroughputBillingCommitmentInputStatus.self)), required: true),
        ])
}

extension MinimumThroughputBillingCommitmentInput: WireStructure {
    init(members: WireMembers) throws(KinesisError) {
        status = try members.required("Status")
    }

    func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("Status", status)
        writer.endObject()
    }
}
