import Metrics

/// What recovery and readers report through swift-metrics about damaged or unused positions.
enum StorageMetrics {
    /// A hole found: by recovery at open, or by a reader meeting damage the index did not reveal.
    static func recordHoleFound() {
        Counter(label: "rivulet_storage_holes_found_total").increment()
    }

    /// Positions a reader stepped over because their records were lost (each time a read passes them).
    static func recordPositionsSkipped(_ count: UInt64) {
        guard count > 0 else { return }
        Counter(label: "rivulet_storage_positions_skipped_total").increment(by: Int64(clamping: count))
    }

    /// Bytes cut from the end of an active segment because its last frame was torn.
    static func recordTailBytesTruncated(_ bytes: Int64) {
        guard bytes > 0 else { return }
        Counter(label: "rivulet_storage_tail_bytes_truncated_total").increment(by: bytes)
    }
}
