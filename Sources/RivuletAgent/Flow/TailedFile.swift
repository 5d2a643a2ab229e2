/// One file a flow knows: where it is, which bytes it is (identity and content prefix), how far it has been read,
/// and how its bytes are being cut into records. Owned by its `FlowTailer`'s task alone.
///
/// `key` names the file's content rather than its inode: when a copytruncate moves the unread rest of the content
/// into a copy, the same key (and acknowledgement window, and splitter) carries on in the copy, at the same offsets.
final class TailedFile {
    enum Role {
        /// Read as it grows.
        case reading
        /// Looks like a copy of the file with this key (copytruncate in progress): not read, since its bytes are
        /// the original's, unless the original is truncated (then it takes over) or it turns out not to be a copy.
        case copy(ofKey: Int)
        /// Read to its end, acknowledged and idle: its descriptor is closed; it is reopened if it grows.
        case dormant
    }

    let key: Int
    var path: String
    var identity: FileIdentity
    var fingerprint: FileFingerprint
    var opened: OpenedFile?
    var role: Role
    var readOffsetBytes: Int64
    var splitter: RecordSplitter
    /// Size at the last look, and when it last changed (wall clock, milliseconds).
    var sizeBytes: Int64
    var lastChangeMilliseconds: Int64
    /// Whether the last discovery found it under a name the pattern matches; a file renamed away or deleted is
    /// still read to its end through its descriptor.
    var isMatched = true
    /// The checkpoint last written for it: offset and path; nil when none was written yet.
    var savedOffsetBytes: Int64?
    var savedPath: String?

    init(
        key: Int, path: String, identity: FileIdentity, fingerprint: FileFingerprint, opened: OpenedFile?, role: Role,
        readOffsetBytes: Int64, splitter: RecordSplitter, sizeBytes: Int64, nowMilliseconds: Int64
    ) {
        self.key = key
        self.path = path
        self.identity = identity
        self.fingerprint = fingerprint
        self.opened = opened
        self.role = role
        self.readOffsetBytes = readOffsetBytes
        self.splitter = splitter
        self.sizeBytes = sizeBytes
        self.lastChangeMilliseconds = nowMilliseconds
    }

    var isReading: Bool {
        if case .reading = role { return true }
        return false
    }

    var copiedKey: Int? {
        if case .copy(let key) = role { return key }
        return nil
    }

    var bytesBehind: Int64 { max(sizeBytes - readOffsetBytes, 0) }
}
