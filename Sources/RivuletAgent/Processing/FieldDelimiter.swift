import Foundation

/// CSVTOJSON's `delimiter`, a Java regular expression. Most delimiters in use match only one fixed text (`,`,
/// `\t`, `\|`, `;`): those split the record's bytes directly, which is what lets CSVTOJSON keep up with the
/// tailer; the rest go through a real regular expression.
enum FieldDelimiter: Sendable {
    case literal([UInt8])
    case pattern(NSRegularExpression)

    /// Characters with a meaning in a Java regular expression.
    private static let metacharacters: Set<Character> = [
        "\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}",
    ]
    /// Escapes of control characters that a two-character delimiter such as `\t` may use.
    private static let controlEscapes: [Character: UInt8] = ["t": 0x09, "n": 0x0A, "r": 0x0D, "f": 0x0C]

    static func parse(_ expression: String) throws -> FieldDelimiter {
        if let literal = literalText(of: expression) { return .literal(literal) }
        return .pattern(try NSRegularExpression(pattern: expression))
    }

    /// The one text `expression` matches when it is that simple, else nil.
    static func literalText(of expression: String) -> [UInt8]? {
        guard !expression.isEmpty else { return nil }
        if !expression.contains(where: { metacharacters.contains($0) }) { return Array(expression.utf8) }
        let characters = Array(expression)
        guard characters.count == 2, characters[0] == "\\" else { return nil }
        let escaped = characters[1]
        if let control = controlEscapes[escaped] { return [control] }
        // In Java a backslash before a non-alphabetic, non-digit ASCII character stands for that character.
        if escaped.isASCII && !escaped.isLetter && !escaped.isNumber { return Array(String(escaped).utf8) }
        return nil
    }
}
