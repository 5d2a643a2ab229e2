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
            walk(entries, of: directory, matching: glob, componentIndex: componentIndex, recursionDepth: recursionDepth)
        case .anyDirectories:
            guard let (kind, identity) = DirectoryEntry.resolve(path: directory), kind == .directory else { return }
            expandAnyDirectories(
                directory: directory, identity: identity, componentIndex: componentIndex, recursionDepth: recursionDepth)
        }
    }

    /// The entries of one directory that a glob component selects: files when it is the last component,
    /// directories to descend into otherwise.
    private mutating func walk(
        _ entries: [DirectoryEntry], of directory: String, matching glob: NameGlob, componentIndex: Int,
        recursionDepth: Int
    ) {
        let isLast = componentIndex == pattern.components.count - 1
        for entry in entries where glob.matches(entry.name) {
            guard !isFull else { return }
            let path = Self.join(directory, entry.name)
            if isLast {
                addIfRegularFile(path, name: entry.name, kind: entry.kind)
            } else if directoryIdentity(path, entry: entry, device: 0) != nil {
                walk(directory: path, componentIndex: componentIndex + 1, recursionDepth: recursionDepth)
            }
        }
    }

    /// `**`: the rest of the pattern here (zero directories), then in every subdirectory up to the depth bound.
    /// A final `**` takes every file at every level. Each directory is listed once for both uses.
    private mutating func expandAnyDirectories(
        directory: String, identity: FileIdentity, componentIndex: Int, recursionDepth: Int
    ) {
        guard visited.insert(Visit(directory: identity, componentIndex: componentIndex)).inserted else { return }
        guard let entries = DirectoryEntry.list(directory: directory) else { return }
        let isLast = componentIndex == pattern.components.count - 1
        if !isLast {
            if case .glob(let glob) = pattern.components[componentIndex + 1] {
                walk(entries, of: directory, matching: glob, componentIndex: componentIndex + 1, recursionDepth: recursionDepth)
            } else {
                walk(directory: directory, componentIndex: componentIndex + 1, recursionDepth: recursionDepth)
            }
        }
        for entry in entries {
            guard !isFull else { return }
            let path = Self.join(directory, entry.name)
            if isLast, entry.kind != .directory {
                addIfRegularFile(path, name: entry.name, kind: entry.kind)
            }
            guard recursionDepth < pattern.recursionDepthMax,
                let subdirectory = directoryIdentity(path, entry: entry, device: identity.device)
            else { continue }
            expandAnyDirectories(
                directory: path, identity: subdirectory, componentIndex: componentIndex, recursionDepth: recursionDepth + 1)
        }
    }

    /// The identity of an entry that is a directory (after following a link), nil for anything else. A plain
    /// subdirectory is named by readdir's inode on its parent's device, sparing a stat per directory.
    private func directoryIdentity(_ path: String, entry: DirectoryEntry, device: UInt64) -> FileIdentity? {
        switch entry.kind {
        case .directory:
            return FileIdentity(device: device, inode: entry.inode)
        case .unresolved:
            guard let (kind, identity) = DirectoryEntry.resolve(path: path), kind == .directory else { return nil }
            return identity
        case .regularFile, .other:
            return nil
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

    private static func join(_ directory: String, _ name: String) -> String {
        directory == "/" ? "/" + name : directory + "/" + name
    }
}
