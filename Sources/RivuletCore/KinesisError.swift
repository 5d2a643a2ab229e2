/// An error the API reports to its caller: an AWS error type and a message in AWS's words.
public struct KinesisError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: KinesisErrorCode
    public var message: String

    public init(_ code: KinesisErrorCode, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }

    public static func streamNotFound(_ key: StreamKey) -> KinesisError {
        KinesisError(.resourceNotFound, "Stream \(key.name) under account \(key.scope.account) not found.")
    }

    public static func shardNotFound(_ shard: ShardID, in key: StreamKey) -> KinesisError {
        KinesisError(
            .resourceNotFound,
            "Shard \(shard) in stream \(key.name) under account \(key.scope.account) does not exist")
    }

    public static func streamInUse(_ key: StreamKey, status: StreamStatus) -> KinesisError {
        KinesisError(
            .resourceInUse,
            "Stream \(key.name) under account \(key.scope.account) not ACTIVE, instead in state \(status.rawValue)")
    }

    public static func internalFailure(_ message: String = "Internal service failure.") -> KinesisError {
        KinesisError(.internalFailure, message)
    }
}
