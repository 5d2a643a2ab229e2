import RivuletCore

/// Changes the account's settings: today only whether it commits to a minimum throughput for billing.
public enum UpdateAccountSettingsOperation: KinesisOperation {
    public typealias Input = UpdateAccountSettingsInput
    public typealias Output = UpdateAccountSettingsOutput
    public static let action = KinesisAction.updateAccountSettings
}

public struct UpdateAccountSettingsInput: WireInput, Equatable {
    public var minimumThroughputBillingCommitment: MinimumThroughputBillingCommitmentInput

    public init(minimumThroughputBillingCommitment: MinimumThroughputBillingCommitmentInput) {
        self.minimumThroughputBillingCommitment = minimumThroughputBillingCommitment
    }

    static let rules = ShapeRules(
        "UpdateAccountSettingsInput",
        [
            MemberRule(
                "MinimumThroughputBillingCommitment", .structure(MinimumThroughputBillingCommitmentInput.rules),
                required: true),
        ])

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try InputChecker.check(value, against: Self.rules)
        minimumThroughputBillingCommitment = try members.required("MinimumThroughputBillingCommitment")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("MinimumThroughputBillingCommitment", minimumThroughputBillingCommitment)
        writer.endObject()
    }
}

public struct UpdateAccountSettingsOutput: WireOutput, Equatable {
    public var minimumThroughputBillingCommitment: MinimumThroughputBillingCommitmentOutput?

    public init(minimumThroughputBillingCommitment: MinimumThroughputBillingCommitmentOutput? = nil) {
        self.minimumThroughputBillingCommitment = minimumThroughputBillingCommitment
    }

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try WireMembers(decoding: value)
        minimumThroughputBillingCommitment = members.optional("MinimumThroughputBillingCommitment")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("MinimumThroughputBillingCommitment", minimumThroughputBillingCommitment)
        writer.endObject()
    }
}
