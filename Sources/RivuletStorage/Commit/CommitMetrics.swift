import Metrics

/// What the commit pipeline reports through swift-metrics: how long a round's fdatasyncs take (the floor under
/// acknowledged latency with fsync `always`) and how many appends share each round (the group-commit gain).
enum CommitMetrics {
    static func recordSynchronization(nanoseconds: Int64) {
        Timer(label: "rivulet_fsync_duration_seconds").recordNanoseconds(nanoseconds)
    }

    static func recordRound(appends: Int) {
        Counter(label: "rivulet_commit_rounds_total").increment()
        Recorder(label: "rivulet_commit_round_appends").record(appends)
    }
}
