/// Why a `filePattern` cannot be used, worded for the person who wrote agent.json.
public enum FilePatternError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case relativePath(String)
    case endsWithSlash(String)
    case unterminatedBracket(pattern: String, component: String)
    case emptyBracket(pattern: String, component: String)
    case trailingEscape(pattern: String)

    public var description: String {
        switch self {
        case .empty:
            return "filePattern is empty: it must be an absolute path such as /var/log/app/*.log"
        case .relativePath(let pattern):
            return "filePattern \"\(pattern)\" is not an absolute path: it must start with /"
        case .endsWithSlash(let pattern):
            return "filePattern \"\(pattern)\" ends with /: it must name files, e.g. \(pattern)*.log"
        case .unterminatedBracket(let pattern, let component):
            return "filePattern \"\(pattern)\": \"[\" in \"\(component)\" has no closing \"]\" in the same path component"
        case .emptyBracket(let pattern, let component):
            return "filePattern \"\(pattern)\": the bracket expression in \"\(component)\" lists no characters"
        case .trailingEscape(let pattern):
            return "filePattern \"\(pattern)\" ends with a lone \\ that escapes nothing"
        }
    }
}
