/// Bounds of the client. They belong with the others in RivuletCore's Limits; they live here until that file takes
/// them, so that this module compiles on its own.
public enum ClientLimits {
    /// The most attempts a retry policy may make for one call, however it is configured.
    public static let attemptsMax = 20
    /// Largest response body read: a GetRecords response of 10 MiB of data grows by a third in base64, plus JSON
    /// framing and the records' other members.
    public static let responseBodyBytesMax = 16 * 1024 * 1024
    /// How much of an unexpected response body is kept for the error message.
    public static let unexpectedBodyExcerptBytesMax = 512
    /// Connections kept open to the endpoint for reuse; callers beyond them wait for a free one.
    public static let connectionsPerEndpointMax = 64
    /// How long an unused pooled connection stays open.
    public static let idleConnectionMilliseconds: Int64 = 60_000
    /// Largest shared configuration or credentials file read; a bigger one is refused, not truncated.
    public static let profileFileBytesMax = 1024 * 1024
}
