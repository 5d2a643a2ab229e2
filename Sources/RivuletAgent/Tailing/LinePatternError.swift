/// A `multiLineStartPattern` or `fileFooterPattern` that is not a valid regular expression.
public struct LinePatternError: Error, Sendable, Equatable, CustomStringConvertible {
    public var pattern: String
    public var reason: String

    public init(pattern: String, reason: String) {
        self.pattern = pattern
        self.reason = reason
    }

    public var description: String { "invalid regular expression \"\(pattern)\": \(reason)" }
}
