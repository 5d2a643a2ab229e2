import RivuletCore
import RivuletStorage

/// Stream status transitions. They complete a configured delay after they start (AWS takes seconds; the default here
/// is immediate). Transitions are applied lazily whenever a stream is looked at, so no timer is needed for them.
/// A reshard waits in the stream's `pendingReshard` while it is UPDATING and is applied when UPDATING ends.
struct StreamLifecycle: Sendable {
    var transitionDelayMilliseconds: Int64

    enum Settled: Equatable {
        /// Nothing is due.
        case unchanged
        /// The stream reached a new status; persist the descriptor.
        case changed(StreamDescriptor)
        /// A deletion finished; remove the stream.
        case deleted
    }

    func settle(_ stream: StreamDescriptor, nowMilliseconds: Int64) -> Settled {
        guard nowMilliseconds - stream.statusChangedMilliseconds >= transitionDelayMilliseconds else {
            return .unchanged
        }
        switch stream.status {
        case .active:
            return .unchanged
        case .deleting:
            return .deleted
        case .creating, .updating:
            var settled = stream
            settled.status = .active
            settled.statusChangedMilliseconds = nowMilliseconds
            if let pending = settled.pendingReshard {
                // A reshard takes effect as its UPDATING ends, in the same atomic catalog change.
                ReshardPlanner.apply(pending, to: &settled, nowMilliseconds: nowMilliseconds)
            }
            return .changed(settled)
        }
    }

    /// The status a stream takes when a transition starts: the target status at once when there is no delay.
    func begin(_ transitional: StreamStatus) -> StreamStatus {
        transitionDelayMilliseconds == 0 && transitional != .deleting ? .active : transitional
    }

    /// Starts a reshard of an ACTIVE stream: applied at once when there is no delay, otherwise kept pending while the
    /// stream is UPDATING.
    func beginReshard(_ pending: PendingReshard, on stream: inout StreamDescriptor, nowMilliseconds: Int64) {
        stream.statusChangedMilliseconds = nowMilliseconds
        stream.status = begin(.updating)
        if stream.status == .active {
            ReshardPlanner.apply(pending, to: &stream, nowMilliseconds: nowMilliseconds)
        } else {
            stream.pendingReshard = pending
        }
    }
}
