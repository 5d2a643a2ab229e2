import RivuletCore

/// A route's path pattern: literal segments, `{name}` segments and a final `*`. Parsed once when the route is
/// added; matching splits the request's path on `/` and compares segment by segment, so `/a/b` never matches
/// `/a/b/`.
struct RoutePattern: Sendable {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
        /// The rest of the path, only last.
        case rest
    }

    let segments: [Segment]

    init(_ pattern: String) {
        precondition(pattern.hasPrefix("/"), "a route pattern starts with /: \(pattern)")
        let parts = pattern.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        segments = parts.enumerated().map { index, part in
            if part == "*" {
                precondition(index == parts.count - 1, "* ends a route pattern: \(pattern)")
                return .rest
            }
            if part.hasPrefix("{") && part.hasSuffix("}") && part.count > 2 {
                return .parameter(String(part.dropFirst().dropLast()))
            }
            return .literal(String(part))
        }
    }

    /// A request path cut into the segments patterns compare, once per request however many routes there are;
    /// nil for a path that does not start with `/`, which no route matches.
    static func segments(of path: Substring) -> [Substring]? {
        guard path.hasPrefix("/") else { return nil }
        return path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
    }

    /// The parameters when the path cut into `parts` matches, else nil. A segment that is not valid
    /// percent-encoding matches no parameter, rather than being passed on half-decoded.
    func match(_ parts: [Substring]) -> [String: String]? {
        var parameters: [String: String] = [:]
        for (index, segment) in segments.enumerated() {
            switch segment {
            case .rest:
                guard index < parts.count else { return nil }
                parameters["*"] = parts[index...].joined(separator: "/")
                return parameters
            case .literal(let text):
                guard index < parts.count, parts[index] == text else { return nil }
            case .parameter(let name):
                guard index < parts.count, !parts[index].isEmpty,
                    let value = PercentEncoding.decodeStrictly(parts[index])
                else { return nil }
                parameters[name] = value
            }
        }
        return parts.count == segments.count ? parameters : nil
    }
}
