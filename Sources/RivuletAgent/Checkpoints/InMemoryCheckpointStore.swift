import Synchronization

/// The checkpoint store's twin for tests: the same answers as `SQLiteCheckpointStore`, held in memory, so tests of
/// what the agent does with checkpoints need no database file.
public final class InMemoryCheckpointStore: CheckpointStore {
    private struct RowKey: Hashable {
        var flow: String
        var device: UInt64
        var inode: UInt64
    }

    private struct State {
        var flows: [String: FlowRecord] = [:]
        var checkpoints: [RowKey: FileCheckpoint] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    public func startFlow(_ flow: String, streamName: String, nowMilliseconds: Int64)
        -> (record: FlowRecord, isNew: Bool)
    {
        state.withLock { state in
            if let existing = state.flows[flow] { return (existing, false) }
            let record = FlowRecord(flow: flow, streamName: streamName, firstStartedMilliseconds: nowMilliseconds)
            state.flows[flow] = record
            return (record, true)
        }
    }

    /// As the SQLite store's UPDATE, this changes nothing for a flow that never started.
    public func recordError(_ message: String?, flow: String, nowMilliseconds: Int64) {
        state.withLock { state in
            state.flows[flow]?.lastError = message
            state.flows[flow]?.lastErrorMilliseconds = message == nil ? nil : nowMilliseconds
        }
    }

    public func flowRecords() -> [FlowRecord] {
        state.withLock { $0.flows.values.sorted { $0.flow < $1.flow } }
    }

    public func checkpoints(flow: String) -> [FileCheckpoint] {
        state.withLock { state in
            state.checkpoints.filter { $0.key.flow == flow }.map(\.value)
                .sorted { ($0.updatedMilliseconds, $0.path) < ($1.updatedMilliseconds, $1.path) }
        }
    }

    public func save(
        _ checkpoints: [FileCheckpoint], removing removed: [(device: UInt64, inode: UInt64)], flow: String
    ) {
        state.withLock { state in
            for identity in removed {
                state.checkpoints[RowKey(flow: flow, device: identity.device, inode: identity.inode)] = nil
            }
            for checkpoint in checkpoints {
                state.checkpoints[RowKey(flow: flow, device: checkpoint.device, inode: checkpoint.inode)] = checkpoint
            }
        }
    }

    public func expire(before cutoffMilliseconds: Int64) {
        state.withLock { state in
            state.checkpoints = state.checkpoints.filter { $0.value.updatedMilliseconds >= cutoffMilliseconds }
        }
    }
}
