import NIOCore

/// How long a connection may take over each thing it does before the server closes it. Without these, anyone who
/// can open a socket holds a connection for as long as they like: idle, half a request head, ten bytes of a
/// thousand-byte body, or a response the peer never reads, until the connection limit is reached and real clients
/// are turned away.
public struct HTTPTimeouts: Sendable {
    /// A connection with no request in flight and nothing arriving is closed after this long (keep-alive).
    public var idle: TimeAmount
    /// The idle limit once more than three quarters of the connection limit is in use, so a flood of idle
    /// connections gives way to new ones quickly.
    public var crowdedIdle: TimeAmount
    /// From the first byte a client sends while no request is in flight (a request head, a TLS handshake, the
    /// HTTP/2 preface) to a whole request head.
    public var requestHead: TimeAmount
    /// While a request body is being read: the longest time without a byte arriving.
    public var requestBodyIdle: TimeAmount
    /// While a request body is being read, after this long the body must arrive at `requestBodyBytesPerSecondMin`
    /// on average.
    public var requestBodyGrace: TimeAmount
    public var requestBodyBytesPerSecondMin: Int
    /// The longest the connection may stay unwritable (the peer not reading what the server sends).
    public var writeStall: TimeAmount

    public init(
        idle: TimeAmount = .seconds(60), crowdedIdle: TimeAmount = .seconds(5),
        requestHead: TimeAmount = .seconds(30), requestBodyIdle: TimeAmount = .seconds(30),
        requestBodyGrace: TimeAmount = .seconds(10), requestBodyBytesPerSecondMin: Int = 1024,
        writeStall: TimeAmount = .seconds(60)
    ) {
        self.idle = idle
        self.crowdedIdle = crowdedIdle
        self.requestHead = requestHead
        self.requestBodyIdle = requestBodyIdle
        self.requestBodyGrace = requestBodyGrace
        self.requestBodyBytesPerSecondMin = requestBodyBytesPerSecondMin
        self.writeStall = writeStall
    }

    /// How often each connection is checked: often enough that no limit is overshot by more than a quarter, and
    /// at least once a second.
    var checkInterval: TimeAmount {
        let shortest = [idle, crowdedIdle, requestHead, requestBodyIdle, requestBodyGrace, writeStall]
            .map(\.nanoseconds).min() ?? TimeAmount.seconds(1).nanoseconds
        return .nanoseconds(max(TimeAmount.milliseconds(10).nanoseconds, min(shortest / 4, TimeAmount.seconds(1).nanoseconds)))
    }
}
