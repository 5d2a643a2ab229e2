/// A glob for one path component (a file or directory name): `*` any run of characters, `?` one character,
/// `[abc]`, `[a-z]`, `[!x]` one character of (or not of) a set, `\` makes the next character literal. As in the
/// Java glob the Kinesis Agent uses, `*` also matches names starting with a dot.
struct NameGlob: Sendable, Equatable {
    enum Token: Sendable, Equatable {
        case character(Unicode.Scalar)
        case anyCharacter
        case anyRun
        case characterSet(ranges: [ClosedRange<Unicode.Scalar>], isNegated: Bool)

        func matches(_ scalar: Unicode.Scalar) -> Bool {
            switch self {
            case .character(let expected): return scalar == expected
            case .anyCharacter: return true
            case .anyRun: return false
            case .characterSet(let ranges, let isNegated):
                return ranges.contains { $0.contains(scalar) } != isNegated
            }
        }
    }

    let tokens: [Token]

    /// The literal name when the component has no wildcard, so the walk can step into it without listing.
    var literalName: String? {
        var scalars = String.UnicodeScalarView()
        for token in tokens {
            guard case .character(let scalar) = token else { return nil }
            scalars.append(scalar)
        }
        return String(scalars)
    }

    init(component: Substring, pattern: String) throws(FilePatternError) {
        var tokens: [Token] = []
        let scalars = Array(component.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "*":
                // A run of stars is one star: nothing else is meant by it inside a name.
                if tokens.last != .anyRun { tokens.append(.anyRun) }
            case "?":
                tokens.append(.anyCharacter)
            case "\\":
                guard index < scalars.count else { throw .trailingEscape(pattern: pattern) }
                tokens.append(.character(scalars[index]))
                index += 1
            case "[":
                tokens.append(try Self.characterSet(scalars, from: &index, component: component, pattern: pattern))
            default:
                tokens.append(.character(scalar))
            }
        }
        self.tokens = tokens
    }

    /// Parses a bracket expression after its `[`; a `]` right after `[` or `[!` is a member, as in POSIX.
    private static func characterSet(
        _ scalars: [Unicode.Scalar], from index: inout Int, component: Substring, pattern: String
    ) throws(FilePatternError) -> Token {
        var isNegated = false
        if index < scalars.count, scalars[index] == "!" {
            isNegated = true
            index += 1
        }
        var ranges: [ClosedRange<Unicode.Scalar>] = []
        var isFirst = true
        while index < scalars.count {
            var lower = scalars[index]
            if lower == "]", !isFirst {
                index += 1
                guard !ranges.isEmpty else { throw .emptyBracket(pattern: pattern, component: String(component)) }
                return .characterSet(ranges: ranges, isNegated: isNegated)
            }
            isFirst = false
            index += 1
            if lower == "\\", index < scalars.count {
                lower = scalars[index]
                index += 1
            }
            if index + 1 < scalars.count, scalars[index] == "-", scalars[index + 1] != "]" {
                let upper = scalars[index + 1]
                index += 2
                ranges.append(min(lower, upper)...max(lower, upper))
            } else {
                ranges.append(lower...lower)
            }
        }
        throw .unterminatedBracket(pattern: pattern, component: String(component))
    }

    /// Greedy matching with backtracking to the last star, linear in practice for names.
    func matches(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        var tokenIndex = 0
        var scalarIndex = 0
        var starTokenIndex = -1
        var starScalarIndex = 0
        while scalarIndex < scalars.count {
            if tokenIndex < tokens.count, tokens[tokenIndex] == .anyRun {
                starTokenIndex = tokenIndex
                starScalarIndex = scalarIndex
                tokenIndex += 1
            } else if tokenIndex < tokens.count, tokens[tokenIndex].matches(scalars[scalarIndex]) {
                tokenIndex += 1
                scalarIndex += 1
            } else if starTokenIndex >= 0 {
                tokenIndex = starTokenIndex + 1
                starScalarIndex += 1
                scalarIndex = starScalarIndex
            } else {
                return false
            }
        }
        while tokenIndex < tokens.count, tokens[tokenIndex] == .anyRun { tokenIndex += 1 }
        return tokenIndex == tokens.count
    }
}
