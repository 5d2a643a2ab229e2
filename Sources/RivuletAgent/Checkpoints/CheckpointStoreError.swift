/// The checkpoint database could not be opened, read or written.
public struct CheckpointStoreError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var operation: String
    public var reason: String

    public var description: String { "checkpoint database \(path): \(operation) failed: \(reason)" }
}
