/// Placeholder until the processors land: passes records through unchanged.
public struct DataProcessingChain: Sendable {
    public init() {}

    public static func parse(
        _ options: JSONValue?, keyPath: String, problems: inout [ConfigurationProblem]
    ) -> DataProcessingChain {
        DataProcessingChain()
    }

    public var isEmpty: Bool { true }

    public func process(_ record: [UInt8]) -> ProcessingOutcome { .send(record) }
}
