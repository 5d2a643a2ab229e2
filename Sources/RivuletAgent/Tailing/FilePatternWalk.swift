/// One enumeration of a `FilePattern`'s files: a depth-first walk over only the directories the pattern reaches.
struct FilePatternWalk {
    private struct Visit: Hashable {
        var directory: FileIdentity
        var componentIndex: Int
    }

    let pattern: FilePattern
    let limit: Int
    private(set) var found: Set<String> = []
    /// Directories already expanded for a `**`: a symbolic link back up the tree is seen once, never looped on.
    private var visited: Set<Visit> = []

    init(pattern: FilePattern, limit: Int) {
        self.pattern = pattern
        self.limit = limit
    }

    private var isFull: Bool { found.count >= limit }

    mutating func walk(directory: String, componentIndex: Int, recursionDepth: Int) {
        guard !isFull, componentIndex < pattern.components.count else { return }
        let isLast = componentIndex == pattern.components.count - 1
        switch pattern.components[componentIndex] {
        case .literal(let name):
            let path = Self.join(directory, name)
            if isLast {
                addIfRegularFile(path, name: name, kind: .unresolved)
            } else {
                walk(directory: path, componentIndex: componentIndex + 1, recursionDepth: recursionDepth)
            }
        case .glob(let glob):
            guard let entries = DirectoryEntry.list(directory: directory) else { return }
            for entry in entries where glob.matches(entry.name) {
                guard !isFull else { return }
                let path = Self.join(directory, entry.name)
                if isLast {
                    addIfRegularFile(path, name: entry.name, kind: entry.kind)
                } else if isDirectory(path, kind: entry.kind) {
                    walk(directory: path, componentIndex: componentIndex + 1, recursionDepth: recursionDepth)
                }
            }
        case .anyDirectories:
            expandAnyDirectories(directory: directory, componentIndex: componentIndex, recursionDepth: recursionDepth)
        }
    }

    /// `**`: the rest of the pattern here (zero directories), then in every subdirectory up to the depth bound.
    /// A final `**` takes every file at every level.
    private mutating func expandAnyDirectories(directory: String, componentIndex: Int, recursionDepth: Int) {
        guard let (kind, identity) = DirectoryEntry.resolve(path: directory), kind == .directory else { return }
        guard visited.insert(Visit(directory: identity, componentIndex: componentIndex)).inserted else { return }
        let isLast = componentIndex == pattern.components.count - 1
        if !isLast {
            walk(directory: directory, componentIndex: componentIndex + 1, recursionDepth: recursionDepth)
        }
        guard let entries = DirectoryEntry.list(directory: directory) else { return }
        for entry in entries {
            guard !isFull else { return }
            let path = Self.join(directory, entry.name)
            if isLast, entry.kind != .directory {
                addIfRegularFile(path, name: entry.name, kind: entry.kind)
            }
            if recursionDepth < pattern.recursionDepthMax, isDirectory(path, kind: entry.kind) {
                expandAnyDirectories(directory: path, componentIndex: componentIndex, recursionDepth: recursionDepth + 1)
            }
        }
    }

    private mutating func addIfRegularFile(_ path: String, name: String, kind: DirectoryEntry.Kind) {
        guard pattern.isIncluded(fileName: name) else { return }
        switch kind {
        case .regularFile:
            found.insert(path)
        case .unresolved:
            if DirectoryEntry.resolve(path: path)?.kind == .regularFile { found.insert(path) }
        case .directory, .other:
            return
        }
    }

    private func isDirectory(_ path: String, kind: DirectoryEntry.Kind) -> Bool {
        switch kind {
        case .directory: return true
        case .unresolved: return DirectoryEntry.resolve(path: path)?.kind == .directory
        case .regularFile, .other: return false
        }
    }

    private static func join(_ directory: String, _ name: String) -> String {
        directory == "/" ? "/" + name : directory + "/" + name
    }
}
