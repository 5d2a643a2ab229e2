/// A failure that knows whether trying the same call again could succeed: throttling, a server fault or a broken
/// connection could; a refusal of the request itself would only be refused again.
public protocol RetryableFailure: Error {
    var isTransient: Bool { get }
}
