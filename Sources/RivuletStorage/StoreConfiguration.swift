/// When an append is acknowledged relative to the data reaching stable storage.
public enum FsyncPolicy: Sendable, Equatable, CustomStringConvertible {
    /// Acknowledge only after fdatasync: an acknowledged record survives power loss. The default.
    case always
    /// Acknowledge after the write; make written data durable in the background every so many milliseconds.
    /// A crash of the machine may lose up to that window; a crash of the process loses nothing.
    case interval(milliseconds: Int)
    /// Acknowledge after the write and leave durability to the operating system (and to `close`).
    case never

    public var description: String {
        switch self {
        case .always: "always"
        case .interval(let milliseconds): "interval(\(milliseconds) ms)"
        case .never: "never"
        }
    }
}

/// Tunables of `FileStreamStore`. Every field is a bound or an interval; the defaults are named below.
public struct StoreConfiguration: Sendable, Equatable {
    public static let segmentBytesMaxDefault: Int64 = 64 * 1024 * 1024
    /// One hour: retention deletes whole segments, so no segment should span much more time than this.
    public static let segmentAgeMillisecondsMaxDefault: Int64 = 3_600_000
    public static let indexIntervalBytesDefault = 4 * 1024
    /// Index files of closed segments kept in memory; at the default interval a full segment's index is 384 KiB.
    public static let indexCacheSegmentsMaxDefault = 32
    /// Bytes read from a segment per pread while serving a read; a larger frame gets a buffer of its own size.
    public static let readBufferBytesDefault = 256 * 1024
    /// Frame bytes one commit round writes before it syncs and acknowledges; a single larger append still goes alone.
    public static let commitRoundBytesMaxDefault = 16 * 1024 * 1024

    public var fsyncPolicy: FsyncPolicy
    /// A segment is closed and a new one started once it holds this many bytes (it may exceed it by one commit round).
    public var segmentBytesMax: Int64
    /// A segment is closed once its first record is this old, so that retention can free it.
    public var segmentAgeMillisecondsMax: Int64
    /// One sparse index entry is kept per this many bytes of segment.
    public var indexIntervalBytes: Int
    public var indexCacheSegmentsMax: Int
    public var readBufferBytes: Int
    public var commitRoundBytesMax: Int

    public init(
        fsyncPolicy: FsyncPolicy = .always,
        segmentBytesMax: Int64 = segmentBytesMaxDefault,
        segmentAgeMillisecondsMax: Int64 = segmentAgeMillisecondsMaxDefault,
        indexIntervalBytes: Int = indexIntervalBytesDefault,
        indexCacheSegmentsMax: Int = indexCacheSegmentsMaxDefault,
        readBufferBytes: Int = readBufferBytesDefault,
        commitRoundBytesMax: Int = commitRoundBytesMaxDefault
    ) {
        precondition(segmentBytesMax > 0 && segmentAgeMillisecondsMax > 0, "segments need positive bounds")
        precondition(indexIntervalBytes > 0 && indexCacheSegmentsMax > 0, "the index needs positive bounds")
        precondition(readBufferBytes >= RecordFrame.headerBytes && commitRoundBytesMax > 0, "buffers must be positive")
        if case .interval(let milliseconds) = fsyncPolicy {
            precondition(milliseconds > 0, "an fsync interval must be positive")
        }
        self.fsyncPolicy = fsyncPolicy
        self.segmentBytesMax = segmentBytesMax
        self.segmentAgeMillisecondsMax = segmentAgeMillisecondsMax
        self.indexIntervalBytes = indexIntervalBytes
        self.indexCacheSegmentsMax = indexCacheSegmentsMax
        self.readBufferBytes = readBufferBytes
        self.commitRoundBytesMax = commitRoundBytesMax
    }
}
