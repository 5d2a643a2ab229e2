/// A failure of the lease store itself, as opposed to a lost race (which the store reports as nil or false).
public struct LeaseStoreError: Error, Sendable, CustomStringConvertible {
    public var operation: String
    public var reason: String

    public init(operation: String, reason: String) {
        self.operation = operation
        self.reason = reason
    }

    public var description: String { "lease store \(operation) failed: \(reason)" }
}
