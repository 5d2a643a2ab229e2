import ArgumentParser

/// One `key=value` pair from the command line: a tag, or a record's partition key and data. The first `=`
/// separates the two, so a value may hold more of them.
struct KeyValueArgument: ExpressibleByArgument {
    var key: String
    var value: String

    init?(argument: String) {
        guard let separator = argument.firstIndex(of: "="), separator != argument.startIndex else { return nil }
        key = String(argument[..<separator])
        value = String(argument[argument.index(after: separator)...])
    }

    /// The pairs as the API takes tags; a key given twice keeps its last value, as repeated flags usually do.
    static func dictionary(_ pairs: [KeyValueArgument]) -> [String: String] {
        Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }
}
