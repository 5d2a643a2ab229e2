/// Which file a path or descriptor refers to, independent of its name: a rename keeps it, a delete and re-create
/// changes it (until the inode number is reused, which `FileFingerprint` tells apart).
public struct FileIdentity: Sendable, Hashable, CustomStringConvertible {
    public var device: UInt64
    public var inode: UInt64

    public init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }

    public var description: String { "\(device):\(inode)" }
}
