#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An open file descriptor that closes itself when the last reference goes away.
///
/// Readers take a reference to a segment's file and read from it outside any lock; reference counting is what keeps
/// the descriptor valid until they finish, even if the writer rolls past the segment or retention unlinks it.
public final class OpenFile: Sendable {
    public let descriptor: Int32
    public let path: String

    public init(descriptor: Int32, path: String) {
        precondition(descriptor >= 0, "an open file needs a valid descriptor")
        self.descriptor = descriptor
        self.path = path
    }

    deinit {
        close(descriptor)
    }
}
