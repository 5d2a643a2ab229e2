import RivuletCore

@testable import RivuletAgent

/// Builds processing options and runs records through them, for the processing tests.
enum ProcessingTestSupport {
    static func option(_ members: (String, JSONValue)...) -> JSONValue {
        .object(members.map { JSONMember(key: $0.0, value: $0.1) })
    }

    static func strings(_ values: String...) -> JSONValue {
        .array(values.map(JSONValue.string))
    }

    /// A chain of the given options that must parse without problems.
    static func chain(_ options: JSONValue...) -> DataProcessingChain {
        var problems: [ConfigurationProblem] = []
        let chain = DataProcessingChain.parse(
            .array(options), keyPath: "flows[0].dataProcessingOptions", problems: &problems)
        precondition(problems.isEmpty, "unexpected problems: \(problems)")
        return chain
    }

    static func problems(_ options: JSONValue...) -> [ConfigurationProblem] {
        var problems: [ConfigurationProblem] = []
        _ = DataProcessingChain.parse(.array(options), keyPath: "flows[0].dataProcessingOptions", problems: &problems)
        return problems
    }

    /// The text a chain sends for `record`, nil when it sends nothing or sends the record unprocessed.
    static func output(_ chain: DataProcessingChain, _ record: String) -> String? {
        output(chain, Array(record.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    static func output(_ chain: DataProcessingChain, _ record: [UInt8]) -> [UInt8]? {
        guard case .send(let bytes) = chain.process(record) else { return nil }
        return bytes
    }
}
