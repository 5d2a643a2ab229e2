/// A `filePattern` from agent.json: an absolute path whose components may hold globs (`*`, `?`, `[abc]`, `[a-z]`,
/// `[!x]`, directories included) and whose whole components may be `**`, any number of directories (a final `**`
/// means every file below).
public struct FilePattern: Sendable, Equatable, CustomStringConvertible {
    enum Component: Sendable, Equatable {
        case literal(String)
        case glob(NameGlob)
        case anyDirectories
    }

    /// Names with these endings are compressed rotations of a log (logrotate's `compress`); read as text they
    /// would be garbage, so they are left out unless asked for.
    public static let compressedNameSuffixes = [".gz", ".bz2", ".zip", ".xz", ".zst"]
    public static let recursionDepthDefault = 32

    /// The pattern as written.
    public let pattern: String
    public let includeCompressed: Bool
    /// How many directories deep `**` reaches, which also bounds the cost of a walk.
    public let recursionDepthMax: Int
    let components: [Component]

    public init(
        _ pattern: String, includeCompressed: Bool = false, recursionDepthMax: Int = recursionDepthDefault
    ) throws(FilePatternError) {
        precondition(recursionDepthMax >= 0, "a recursion depth is never negative")
        guard !pattern.isEmpty else { throw .empty }
        guard pattern.hasPrefix("/") else { throw .relativePath(pattern) }
        guard !pattern.hasSuffix("/") else { throw .endsWithSlash(pattern) }
        var components: [Component] = []
        for text in pattern.split(separator: "/", omittingEmptySubsequences: true) {
            if text == "**" {
                // `**/**` means no more than one `**`.
                if components.last != .anyDirectories { components.append(.anyDirectories) }
                continue
            }
            let glob = try NameGlob(component: text, pattern: pattern)
            if let literal = glob.literalName {
                components.append(.literal(literal))
            } else {
                components.append(.glob(glob))
            }
        }
        self.pattern = pattern
        self.includeCompressed = includeCompressed
        self.recursionDepthMax = recursionDepthMax
        self.components = components
    }

    public var description: String { pattern }

    /// Whether an absolute path is one of the pattern's files (by name only: the file system is not consulted).
    public func matches(_ path: String) -> Bool {
        guard path.hasPrefix("/") else { return false }
        let names = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard let fileName = names.last, isIncluded(fileName: fileName) else { return false }
        return matches(names[...], from: 0, recursionDepth: 0)
    }

    private func matches(_ names: ArraySlice<String>, from componentIndex: Int, recursionDepth: Int) -> Bool {
        guard componentIndex < components.count else { return names.isEmpty }
        guard let name = names.first else { return false }
        switch components[componentIndex] {
        case .literal(let literal):
            return name == literal && matches(names.dropFirst(), from: componentIndex + 1, recursionDepth: recursionDepth)
        case .glob(let glob):
            return glob.matches(name) && matches(names.dropFirst(), from: componentIndex + 1, recursionDepth: recursionDepth)
        case .anyDirectories:
            // The directories passed over are names before the file's, within what is left of the depth bound.
            let directoriesMax = min(recursionDepthMax - recursionDepth, names.count - 1)
            guard directoriesMax >= 0 else { return false }
            if componentIndex == components.count - 1 { return names.count - 1 <= directoriesMax }
            return (0...directoriesMax).contains { skipped in
                matches(names.dropFirst(skipped), from: componentIndex + 1, recursionDepth: recursionDepth + skipped)
            }
        }
    }

    /// False for compressed rotations unless they were asked for.
    public func isIncluded(fileName: String) -> Bool {
        includeCompressed || !Self.compressedNameSuffixes.contains { fileName.hasSuffix($0) }
    }

    /// The regular files (symbolic links to regular files included) that match now, sorted, at most `limit`.
    /// Only directories the pattern can reach are listed; fixed components are stepped into without listing.
    public func enumerateMatches(limit: Int) -> [String] {
        precondition(limit >= 0, "a limit is never negative")
        var walk = FilePatternWalk(pattern: self, limit: limit)
        walk.walk(directory: "/", componentIndex: 0, recursionDepth: 0)
        return walk.found.sorted()
    }
}
