import RivuletCore

/// Reports the account's settings: today only its minimum throughput billing commitment.
public enum DescribeAccountSettingsOperation: KinesisOperation {
    public typealias Input = DescribeAccountSettingsInput
    public typealias Output = DescribeAccountSettingsOutput
    public static let action = KinesisAction.describeAccountSettings
}

public struct DescribeAccountSettingsInput: WireInput, Equatable {

    public init() {}

    static let rules = ShapeRules(
        "DescribeAccountSettingsInput",
        [
        ])

    public init(decoding value: WireValue) throws(KinesisError) {
        _ = try InputChecker.check(value, against: Self.rules)
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.endObject()
    }
}

public struct DescribeAccountSettingsOutput: WireOutput, Equatable {
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
