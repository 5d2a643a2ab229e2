/// A flow as the checkpoint database remembers it: that it has run before (so files appearing later are read from
/// their start whatever `initialPosition` says), and the last error its sending met.
public struct FlowRecord: Sendable, Equatable {
    public var flow: String
    public var streamName: String
    public var firstStartedMilliseconds: Int64
    public var lastError: String?
    public var lastErrorMilliseconds: Int64?
}
