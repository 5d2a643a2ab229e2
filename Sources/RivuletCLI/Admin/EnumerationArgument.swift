import ArgumentParser

/// Reads one of the API's enumerations (a stream mode, an iterator type) from the command line, in any letter
/// case and with `-` for `_` (`on-demand`), naming the accepted values when the text is none of them.
enum EnumerationArgument {
    static func parse<Value: RawRepresentable & CaseIterable>(_ text: String) throws -> Value
    where Value.RawValue == String {
        let normalized = String(text.uppercased().map { $0 == "-" ? "_" : $0 })
        if let value = Value.allCases.first(where: { $0.rawValue == normalized }) {
            return value
        }
        throw ValidationError("expected one of \(names(Value.self))")
    }

    /// The accepted values, for help and messages: `PROVISIONED|ON_DEMAND`.
    static func names<Value: RawRepresentable & CaseIterable>(_: Value.Type) -> String where Value.RawValue == String {
        Value.allCases.map(\.rawValue).joined(separator: "|")
    }
}
