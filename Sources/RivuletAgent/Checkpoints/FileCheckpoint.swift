/// How far one file has been sent: every byte before `offsetBytes` belongs to records the stream acknowledged (or
/// that were skipped on purpose). The file is recognised by device and inode, and by the first bytes of its content,
/// so that a reused inode is not taken for the file that had it before.
public struct FileCheckpoint: Sendable, Equatable {
    public var path: String
    public var device: UInt64
    public var inode: UInt64
    /// The file's first bytes (at most `FileFingerprint.lengthBytes`) when the checkpoint was written.
    public var contentPrefix: [UInt8]
    public var offsetBytes: Int64
    /// The file's size when the checkpoint was written.
    public var sizeBytes: Int64
    /// Wall clock, epoch milliseconds.
    public var updatedMilliseconds: Int64

    public init(
        path: String, device: UInt64, inode: UInt64, contentPrefix: [UInt8], offsetBytes: Int64, sizeBytes: Int64,
        updatedMilliseconds: Int64
    ) {
        self.path = path
        self.device = device
        self.inode = inode
        self.contentPrefix = contentPrefix
        self.offsetBytes = offsetBytes
        self.sizeBytes = sizeBytes
        self.updatedMilliseconds = updatedMilliseconds
    }
}
