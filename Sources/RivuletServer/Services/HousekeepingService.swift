import Logging
import RivuletCore
import RivuletStorage
import ServiceLifecycle

/// Periodic upkeep: retention (deleting expired segments, then closed shards whose retention has passed) and the
/// storage and connection gauges. One structured loop under the service group, stopped by graceful shutdown.
public struct HousekeepingService: Service {
    private let store: any StreamStore
    private let clock: any WallClock
    private let intervalMilliseconds: Int64
    private let logger: Logger
    private let metrics = ServerMetrics()
    private let connectionCount: @Sendable () -> Int

    public init(
        store: any StreamStore, clock: any WallClock, intervalMilliseconds: Int64 = 10_000, logger: Logger,
        connectionCount: @escaping @Sendable () -> Int
    ) {
        self.store = store
        self.clock = clock
        self.intervalMilliseconds = intervalMilliseconds
        self.logger = logger
        self.connectionCount = connectionCount
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            await runOnce()
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .milliseconds(intervalMilliseconds)) }
        }
    }

    func runOnce() async {
        do {
            let freed = try await store.enforceRetention(nowMilliseconds: clock.nowMilliseconds())
            if freed > 0 {
                logger.info("retention removed expired segments", metadata: ["bytes.freed": "\(freed)"])
            }
        } catch {
            logger.error("retention failed", metadata: ["error": "\(error)"])
        }
        do {
            let removed = try await ClosedShardExpiry(store: store).run(nowMilliseconds: clock.nowMilliseconds())
            if removed > 0 {
                logger.info("retention removed expired closed shards", metadata: ["shards.removed": "\(removed)"])
            }
        } catch {
            logger.error("closed shard expiry failed", metadata: ["error": "\(error)"])
        }
        metrics.recordStoredBytes(await store.storedBytes())
        metrics.recordOpenConnections(connectionCount())
    }
}
