/// An enhanced fan-out consumer registered with a stream. Consumers live in their stream's descriptor, so they are
/// persisted with it and go when it is deleted.
public struct ConsumerDescriptor: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable {
        case creating = "CREATING"
        case active = "ACTIVE"
        case deleting = "DELETING"
    }

    public var name: String
    /// Registration time. Its whole seconds end the consumer's ARN, which tells a re-registered consumer of the same
    /// name apart from the one before it.
    public var createdMilliseconds: Int64
    public var status: Status
    /// When `status` last changed: transitions complete the server's status delay after this.
    public var statusChangedMilliseconds: Int64
    public var tags: [StreamTag]
    /// The resource policy attached to the consumer's ARN, as the JSON text it was put with.
    public var resourcePolicy: String?

    public init(
        name: String, createdMilliseconds: Int64, status: Status, tags: [StreamTag] = [], resourcePolicy: String? = nil
    ) {
        self.name = name
        self.createdMilliseconds = createdMilliseconds
        self.status = status
        self.statusChangedMilliseconds = createdMilliseconds
        self.tags = tags
        self.resourcePolicy = resourcePolicy
    }

    /// The creation time in whole epoch seconds, as the ARN carries it.
    public var creationEpochSeconds: Int64 { createdMilliseconds / 1000 }
}
