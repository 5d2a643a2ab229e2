import Crypto
import Foundation
import Logging
import RivuletCore
import RivuletStorage
import RivuletWire

/// The API's behaviour over a store: what every operation handler shares. Handlers (one file per operation, in
/// Handlers/) hold a reference to it.
public final class KinesisService: Sendable {
    let store: any StreamStore
    let clock: any WallClock
    let iterators: ShardIteratorCodec
    let pageTokens: NextTokenCodec
    let configuration: ServiceConfiguration
    let lifecycle: StreamLifecycle
    let metrics = ServerMetrics()
    let logger: Logger
    /// Wakes subscriptions when a stream changes.
    let appendSignal = AppendSignal()
    /// Per-shard limits, when enforced.
    let shardLimiter: ShardThroughputLimiter?
    let controlPlaneLimiter: ControlPlaneLimiter?
    let accountSettings: AccountSettingsStore
    /// Seals the records of encrypted streams and opens them on reads, with the keyring's keys.
    let sealer: RecordSealer

    /// `secret` is the server's persistent key: iterators and page tokens are sealed with keys derived from it, so
    /// they stay valid across restarts and cannot be forged. `keyring` holds the keys for encryption at rest; the
    /// default, one random key in memory, suits tests and servers whose records do not outlive the process.
    public init(
        store: any StreamStore, clock: any WallClock, secret: SymmetricKey, configuration: ServiceConfiguration,
        logger: Logger, keyring: Keyring = .ephemeral()
    ) {
        self.sealer = RecordSealer(keyring: keyring)
        self.store = store
        self.clock = clock
        self.iterators = ShardIteratorCodec(
            key: HKDF<SHA256>.deriveKey(
                inputKeyMaterial: secret, info: Data("rivulet shard iterator".utf8), outputByteCount: 32))
        self.pageTokens = NextTokenCodec(
            key: HKDF<SHA256>.deriveKey(
                inputKeyMaterial: secret, info: Data("rivulet next token".utf8), outputByteCount: 32))
        self.configuration = configuration
        self.lifecycle = StreamLifecycle(transitionDelayMilliseconds: configuration.statusDelayMilliseconds)
        self.accountSettings = AccountSettingsStore(path: configuration.accountSettingsPath)
        self.shardLimiter = configuration.enforceLimits ? ShardThroughputLimiter() : nil
        self.controlPlaneLimiter = configuration.enforceLimits ? ControlPlaneLimiter() : nil
        self.logger = logger
    }

    var nowMilliseconds: Int64 { clock.nowMilliseconds() }

    /// The stream as it is now, with any due status transition applied. Throws ResourceNotFoundException.
    func stream(_ key: StreamKey) async throws -> StreamDescriptor {
        guard let stored = try await store.stream(key) else { throw KinesisError.streamNotFound(key) }
        switch lifecycle.settle(stored, nowMilliseconds: nowMilliseconds) {
        case .unchanged:
            return stored
        case .changed:
            let settled = try await store.updateStream(key) { stream in
                // Settle again inside the atomic update: another request may have settled it already.
                if case .changed(let settled) = self.lifecycle.settle(stream, nowMilliseconds: self.nowMilliseconds) {
                    stream = settled
                }
            }
            appendSignal.signal(key)
            return settled
        case .deleted:
            try? await store.deleteStream(key)
            appendSignal.signal(key)
            throw KinesisError.streamNotFound(key)
        }
    }

    /// A stream that accepts records and reads: ACTIVE or UPDATING. Streams still being created are not found yet.
    func readableStream(_ key: StreamKey) async throws -> StreamDescriptor {
        let stream = try await stream(key)
        guard stream.status == .active || stream.status == .updating else { throw KinesisError.streamNotFound(key) }
        return stream
    }

    /// Changes an ACTIVE stream atomically; any other status is ResourceInUseException, as AWS answers.
    @discardableResult
    func changeActiveStream(
        _ key: StreamKey, _ change: @escaping @Sendable (inout StreamDescriptor) throws -> Void
    ) async throws -> StreamDescriptor {
        _ = try await stream(key)
        do {
            let changed = try await store.updateStream(key) { stream in
                guard stream.status == .active else { throw KinesisError.streamInUse(key, status: stream.status) }
                try change(&stream)
            }
            appendSignal.signal(key)
            return changed
        } catch StorageError.streamNotFound {
            throw KinesisError.streamNotFound(key)
        }
    }

    /// Changes a stream atomically, settling any due status transition first inside the same update; unlike
    /// `changeActiveStream` the change makes its own status check, where AWS makes it among its other checks.
    @discardableResult
    func changeStream(
        _ key: StreamKey, _ change: @escaping @Sendable (inout StreamDescriptor) throws -> Void
    ) async throws -> StreamDescriptor {
        _ = try await stream(key)
        do {
            let changed = try await store.updateStream(key) { stream in
                if case .changed(let settled) = self.lifecycle.settle(stream, nowMilliseconds: self.nowMilliseconds) {
                    stream = settled
                }
                try change(&stream)
            }
            // Subscriptions look again: a shard may have closed, a consumer gone.
            appendSignal.signal(key)
            return changed
        } catch StorageError.streamNotFound {
            throw KinesisError.streamNotFound(key)
        }
    }

    /// Every settled stream in the caller's scope, sorted by name as ListStreams returns them.
    func streams(in scope: StreamScope) async throws -> [StreamDescriptor] {
        var result: [StreamDescriptor] = []
        for stored in try await store.streams() where stored.key.scope == scope {
            switch lifecycle.settle(stored, nowMilliseconds: nowMilliseconds) {
            case .unchanged: result.append(stored)
            case .changed: result.append(try await stream(stored.key))
            case .deleted: try? await store.deleteStream(stored.key)
            }
        }
        return result.sorted { $0.key.name < $1.key.name }
    }

    /// The shard `shardId` names in `stream`, accepting the forms AWS normalises (`7`, `shardId-7`).
    func shard(_ shardId: String, in stream: StreamDescriptor) throws -> ShardDescriptor {
        guard let id = ShardID(parsing: shardId), let shard = stream.shard(index: id.index) else {
            let shown = ShardID(parsing: shardId)?.description ?? shardId
            throw KinesisError(
                .resourceNotFound,
                "Shard \(shown) in stream \(stream.key.name) under account \(stream.key.scope.account) does not exist")
        }
        return shard
    }
}
