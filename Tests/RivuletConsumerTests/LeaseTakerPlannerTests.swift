import RivuletLeases
import Testing

@testable import RivuletConsumer

@Suite struct LeaseTakerPlannerTests {
    private func planner(_ worker: String = "me") -> LeaseTakerPlanner {
        LeaseTakerPlanner(workerIdentifier: worker, leaseDurationMilliseconds: 1_000, leasesPerWorkerMax: 100)
    }

    private func leases(_ owners: [String?], counter: Int64 = 1) -> [Lease] {
        owners.enumerated().map { index, owner in
            Lease(leaseKey: "shardId-\(index)", leaseOwner: owner, leaseCounter: counter)
        }
    }

    @Test func takesEveryFreeLeaseWhenAlone() {
        var random = SystemRandomNumberGenerator()
        var planner = planner()
        let table = leases([nil, nil, nil, nil])
        planner.observe(table, nowMilliseconds: 0)
        #expect(planner.leasesToTake(from: table, held: [], nowMilliseconds: 0, using: &random).count == 4)
    }

    @Test func aLeaseExpiresOnlyAfterItsCounterStoodStillForTheDuration() {
        var random = SystemRandomNumberGenerator()
        var planner = planner()
        var table = leases(["other", "other"])
        planner.observe(table, nowMilliseconds: 0)
        #expect(planner.leasesToTake(from: table, held: [], nowMilliseconds: 999, using: &random).count <= 1)
        // The owner renews at 900: the clock restarts from when this worker saw the new counter.
        table = leases(["other", "other"], counter: 2)
        planner.observe(table, nowMilliseconds: 900)
        #expect(!planner.isExpired(table[0], nowMilliseconds: 1_800))
        #expect(planner.isExpired(table[0], nowMilliseconds: 1_900))
        #expect(planner.leasesToTake(from: table, held: [], nowMilliseconds: 1_900, using: &random).count == 2)
    }

    @Test func stealsOneFromTheMostLoadedWorkerUntilBalanced() {
        var random = SystemRandomNumberGenerator()
        var planner = planner()
        let table = leases(["a", "a", "a", "a", "a", "b", "b", "b"])
        planner.observe(table, nowMilliseconds: 0)
        let taken = planner.leasesToTake(from: table, held: [], nowMilliseconds: 10, using: &random)
        #expect(taken.count == 1)
        #expect(taken.first?.leaseOwner == "a")
    }

    @Test func doesNotStealAtBalance() {
        var random = SystemRandomNumberGenerator()
        var planner = planner()
        let table = leases(["a", "a", "a", "b", "b", "b", "me", "me"])
        planner.observe(table, nowMilliseconds: 0)
        #expect(
            planner.leasesToTake(
                from: table, held: ["shardId-6", "shardId-7"], nowMilliseconds: 10, using: &random
            ).isEmpty)
    }

    @Test func finishedShardsAreNotWorkAndLeftoversOfThisWorkerAreTakenBack() {
        var random = SystemRandomNumberGenerator()
        var planner = planner()
        var table = leases(["me", "other"])
        table.append(Lease(leaseKey: "shardId-9", leaseOwner: nil, leaseCounter: 3, checkpoint: .shardEnd))
        planner.observe(table, nowMilliseconds: 0)
        let taken = planner.leasesToTake(from: table, held: [], nowMilliseconds: 0, using: &random)
        #expect(taken.map(\.leaseKey) == ["shardId-0"])
    }
}
