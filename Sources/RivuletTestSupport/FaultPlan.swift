import RivuletClient
import RivuletCore
import RivuletWire
import Synchronization

/// Failures a test asks `InProcessKinesis` to inject: whole calls that fail, and PutRecords entries that fail
/// individually. Each planned failure is used once, in the order planned.
public final class FaultPlan: Sendable {
    private struct Plan {
        var callFaults: [KinesisAction: [KinesisClientError]] = [:]
        var recordFaults: [KinesisError?] = []
    }

    private let plan = Mutex(Plan())

    public init() {}

    /// The next `count` calls of `action` fail with `error` before reaching the server.
    public func failCalls(_ action: KinesisAction, count: Int = 1, with error: KinesisClientError) {
        plan.withLock { $0.callFaults[action, default: []].append(contentsOf: repeatElement(error, count: count)) }
    }

    /// The next `count` PutRecords entries, across calls, fail with `code` and are not written.
    public func failRecords(
        count: Int, code: KinesisErrorCode = .provisionedThroughputExceeded,
        message: String = "Rate exceeded for shard in stream under account 000000000000."
    ) {
        plan.withLock {
            $0.recordFaults.append(contentsOf: repeatElement(Optional(KinesisError(code, message)), count: count))
        }
    }

    func takeCallFault(for action: KinesisAction) -> KinesisClientError? {
        plan.withLock { plan in
            guard var queued = plan.callFaults[action], !queued.isEmpty else { return nil }
            let fault = queued.removeFirst()
            plan.callFaults[action] = queued
            return fault
        }
    }

    func takeRecordFaults(count: Int) -> [KinesisError?] {
        plan.withLock { plan in
            let taken = Array(plan.recordFaults.prefix(count))
            plan.recordFaults.removeFirst(taken.count)
            return taken + Array(repeating: nil, count: count - taken.count)
        }
    }
}
