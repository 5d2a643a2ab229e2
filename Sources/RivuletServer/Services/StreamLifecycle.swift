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
        var settled = stream
        let consumersChanged = settleConsumers(of: &settled, nowMilliseconds: nowMilliseconds)
        guard nowMilliseconds - stream.statusChangedMilliseconds >= transitionDelayMilliseconds else {
            return consumersChanged ? .changed(settled) : .unchanged
        }
        switch stream.status {
        case .active:
            return consumersChanged ? .changed(settled) : .unchanged
        case .deleting:
            return .deleted
        case .creating, .updating:
            settled.status = .active
            settled.statusChangedMilliseconds = nowMilliseconds
            if let pending = settled.pendingReshard {
                // A reshard takes effect as its UPDATING ends, in the same atomic catalog change.
                ReshardPlanner.apply(pending, to: &settled, nowMilliseconds: nowMilliseconds)
            }
            return .changed(settled)
        }
    }

    /// Consumers move CREATING -> ACTIVE and DELETING -> gone after the same delay as streams. True if any moved.
    private func settleConsumers(of stream: inout StreamDescriptor, nowMilliseconds: Int64) -> Bool {
        var changed = false
        var kept: [ConsumerDescriptor] = []
        for var consumer in stream.consumers {
            let due = nowMilliseconds - consumer.statusChangedMilliseconds >= transitionDelayMilliseconds
            switch (consumer.status, due) {
            case (.creating, true):
                consumer.status = .active
                consumer.statusChangedMilliseconds = nowMilliseconds
                changed = true
            case (.deleting, true):
                changed = true
                continue
            default:
                break
            }
            kept.append(consumer)
        }
        stream.consumers = kept
        return changed
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
