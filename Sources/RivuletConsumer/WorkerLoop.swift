import Logging
import RivuletCore
import RivuletLeases

/// The lease side of one worker: which leases it holds, when they are renewed, and when the table is scanned for
/// leases to take. Renewals and scans are due on the worker's own clock; `Scheduler` runs the loop.
struct WorkerLoop {
    let configuration: ConsumerConfiguration
    let store: any LeaseStore
    let clock: any WallClock
    let metrics: ConsumerMetrics
    let logger: Logger
    private(set) var held: [String: HeldLease] = [:]
    private var planner: LeaseTakerPlanner
    private var nextRenewalMilliseconds: Int64 = 0
    private var nextScanMilliseconds: Int64 = 0
    private var random = SystemRandomNumberGenerator()

    init(
        configuration: ConsumerConfiguration, store: any LeaseStore, clock: any WallClock,
        metrics: ConsumerMetrics, logger: Logger
    ) {
        self.configuration = configuration
        self.store = store
        self.clock = clock
        self.metrics = metrics
        self.logger = logger
        self.planner = LeaseTakerPlanner(
            workerIdentifier: configuration.workerIdentifier,
            leaseDurationMilliseconds: configuration.leaseDurationMilliseconds,
            leasesPerWorkerMax: configuration.leasesPerWorkerMax)
    }

    func millisecondsUntilNextDue() -> Int64 {
        max(min(nextRenewalMilliseconds, nextScanMilliseconds) - clock.nowMilliseconds(), 1)
    }

    /// Renews every held lease if renewal is due. A lease the store refuses is lost: its consumer sees that and
    /// calls `leaseLost`.
    mutating func renewDue() async {
        let now = clock.nowMilliseconds()
        guard now >= nextRenewalMilliseconds else { return }
        nextRenewalMilliseconds = now + configuration.renewalIntervalMilliseconds
        prune()
        var lost = 0
        for heldLease in held.values {
            do {
                if try await !heldLease.renew() {
                    lost += 1
                    logger.info("lease lost to another worker", metadata: ["shard.id": "\(heldLease.shardId)"])
                }
            } catch {
                logger.warning(
                    "lease renewal failed; the lease is kept and renewal retried",
                    metadata: ["shard.id": "\(heldLease.shardId)", "error": "\(error)"])
            }
        }
        metrics.lost(lost)
        prune()
    }

    /// Scans the lease table if a scan is due and takes what the planner picks. Returns the newly held leases,
    /// for the caller to start consumers on.
    mutating func scanDue() async -> [HeldLease] {
        let now = clock.nowMilliseconds()
        guard now >= nextScanMilliseconds else { return [] }
        nextScanMilliseconds = now + configuration.leaseScanIntervalMilliseconds
        prune()
        let leases: [Lease]
        do {
            leases = try await store.listLeases()
        } catch {
            logger.warning("could not list leases; retrying at the next scan", metadata: ["error": "\(error)"])
            return []
        }
        planner.observe(leases, nowMilliseconds: now)
        for lease in leases {
            if let heldLease = held[lease.leaseKey], lease.leaseOwner != configuration.workerIdentifier {
                heldLease.markLost()
            }
        }
        prune()
        let choices = planner.leasesToTake(
            from: leases, held: Set(held.keys), nowMilliseconds: now, using: &random)
        var taken: [HeldLease] = []
        for choice in choices {
            do {
                guard let lease = try await store.takeLease(choice, owner: configuration.workerIdentifier) else {
                    continue
                }
                let heldLease = HeldLease(lease, store: store)
                held[lease.leaseKey] = heldLease
                taken.append(heldLease)
                logger.info(
                    "took lease",
                    metadata: [
                        "shard.id": "\(lease.leaseKey)", "lease.previous_owner": "\(choice.leaseOwner ?? "none")",
                        "lease.checkpoint": "\(lease.checkpoint)",
                    ])
            } catch {
                logger.warning("could not take a lease", metadata: ["shard.id": "\(choice.leaseKey)", "error": "\(error)"])
            }
        }
        metrics.took(taken.count)
        metrics.holding(held.count)
        return taken
    }

    private mutating func prune() {
        held = held.filter { !$0.value.isLost && !$0.value.isFinished }
    }
}
