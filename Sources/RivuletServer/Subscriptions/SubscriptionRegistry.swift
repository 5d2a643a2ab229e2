import RivuletCore
import Synchronization

/// The live SubscribeToShard subscriptions: at most one per consumer and shard. A second subscription within
/// five seconds of the first is refused; a later one takes over, and the one it replaced ends with
/// ResourceInUseException, as AWS behaves.
final class SubscriptionRegistry: Sendable {
    struct Slot: Hashable, Sendable {
        var consumerARN: String
        var shardIndex: Int
    }

    private struct Holder {
        var id: UInt64
        var startedMilliseconds: Int64
    }

    private struct State {
        var holders: [Slot: Holder] = [:]
        var nextId: UInt64 = 0
    }

    static let takeoverAfterMilliseconds: Int64 = 5_000

    private let state = Mutex(State())
    private let subscriptionsMax: Int

    init(subscriptionsMax: Int = Limits.subscriptionsMax) {
        self.subscriptionsMax = subscriptionsMax
    }

    /// Claims the slot for a new subscription and returns its id.
    func claim(_ slot: Slot, shardId: ShardID, nowMilliseconds: Int64) throws -> UInt64 {
        try state.withLock { state in
            if let holder = state.holders[slot] {
                guard nowMilliseconds - holder.startedMilliseconds >= Self.takeoverAfterMilliseconds else {
                    throw KinesisError(
                        .resourceInUse,
                        "Another active subscription exists for consumer \(slot.consumerARN) and shard \(shardId).")
                }
            } else if state.holders.count >= subscriptionsMax {
                throw KinesisError(
                    .limitExceeded, "This server already serves \(subscriptionsMax) subscriptions, its limit.")
            }
            state.nextId &+= 1
            state.holders[slot] = Holder(id: state.nextId, startedMilliseconds: nowMilliseconds)
            return state.nextId
        }
    }

    /// Whether subscription `id` still holds its slot (it has not been taken over).
    func holds(_ slot: Slot, id: UInt64) -> Bool {
        state.withLock { $0.holders[slot]?.id == id }
    }

    /// Gives the slot up, if `id` still holds it.
    func release(_ slot: Slot, id: UInt64) {
        state.withLock { state in
            if state.holders[slot]?.id == id { state.holders[slot] = nil }
        }
    }

    var count: Int { state.withLock { $0.holders.count } }
}
