import Testing
@testable import RivuletLeases

/// What workers sharing one table rely on: each sees the others' writes, conditional writes racing for one lease
/// have exactly one winner, and applications sharing a database stay apart.
@Suite struct LeaseStoreSharingTests {
    @Test(arguments: LeaseStoreKind.available)
    func anotherStoreSeesWrites(kind: LeaseStoreKind) async throws {
        try await LeaseStoreFixture.with(kind) { fixture async throws in
            let other = try await fixture.openAnother()
            #expect(try await fixture.store.createLeaseIfNotExists(Lease(leaseKey: "s")))
            let seen = try #require(try await other.lease(forKey: "s"))
            let taken = try #require(try await other.takeLease(seen, owner: "worker-b"))
            #expect(try await fixture.store.lease(forKey: "s") == taken)
            #expect(try await fixture.store.renewLease(seen) == nil, "the first store's copy is stale now")
        }
    }

    @Test(arguments: LeaseStoreKind.available)
    func exactlyOneOfTwoRacingTakersWins(kind: LeaseStoreKind) async throws {
        try await LeaseStoreFixture.with(kind) { fixture async throws in
            let first = fixture.store
            let second = try await fixture.openAnother()
            for round in 0..<60 {
                // Half the rounds race for a free lease, half steal one held by a third worker.
                let lease = Lease(
                    leaseKey: "race-\(round)", leaseOwner: round.isMultiple(of: 2) ? nil : "worker-c",
                    leaseCounter: Int64(round))
                #expect(try await first.createLeaseIfNotExists(lease))
                async let takenByA = first.takeLease(lease, owner: "worker-a")
                async let takenByB = second.takeLease(lease, owner: "worker-b")
                let winners = try await [takenByA, takenByB].compactMap { $0 }
                try #require(winners.count == 1, "round \(round): \(winners.count) winners")
                #expect(try await first.lease(forKey: lease.leaseKey) == winners[0])
                #expect(winners[0].leaseCounter == lease.leaseCounter + 1)
            }
        }
    }

    @Test(arguments: LeaseStoreKind.available)
    func racingCheckpointAndStealLeaveOneWinner(kind: LeaseStoreKind) async throws {
        try await LeaseStoreFixture.with(kind) { fixture async throws in
            let first = fixture.store
            let second = try await fixture.openAnother()
            for round in 0..<30 {
                let lease = Lease(leaseKey: "race-\(round)", leaseOwner: "worker-a")
                #expect(try await first.createLeaseIfNotExists(lease))
                async let checkpointed = first.updateCheckpoint(
                    lease, checkpoint: ExtendedSequenceNumber(sequenceNumber: "\(round + 1)"))
                async let stolen = second.takeLease(lease, owner: "worker-b")
                let (checkpoint, steal) = try await (checkpointed, stolen)
                try #require((checkpoint == nil) != (steal == nil), "round \(round)")
                let stored = try #require(try await first.lease(forKey: lease.leaseKey))
                #expect(stored == checkpoint ?? steal)
            }
        }
    }

    @Test(arguments: LeaseStoreKind.available)
    func concurrentPreparesAndCreatesAgree(kind: LeaseStoreKind) async throws {
        try await LeaseStoreFixture.with(kind) { fixture async throws in
            var stores: [any LeaseStore] = [fixture.store]
            for _ in 0..<3 { stores.append(try await fixture.openAnother()) }
            let created = try await withThrowingTaskGroup(of: Int.self) { group in
                for store in stores {
                    group.addTask {
                        try await store.prepare()
                        var created = 0
                        for index in 0..<20 {
                            if try await store.createLeaseIfNotExists(Lease(leaseKey: "s\(index)")) { created += 1 }
                        }
                        return created
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(created == 20, "each lease is created by exactly one store")
            #expect(try await fixture.store.listLeases().count == 20)
        }
    }

    @Test(arguments: LeaseStoreKind.shared)
    func applicationsSharingADatabaseStayApart(kind: LeaseStoreKind) async throws {
        try await LeaseStoreFixture.with(kind) { fixture async throws in
            let other = try await fixture.openAnother(application: fixture.application + ".other")
            #expect(try await fixture.store.createLeaseIfNotExists(Lease(leaseKey: "s", leaseOwner: "a")))
            #expect(try await other.lease(forKey: "s") == nil)
            #expect(try await other.listLeases().isEmpty)
            #expect(try await other.createLeaseIfNotExists(Lease(leaseKey: "s", leaseOwner: "b")))
            #expect(try await fixture.store.lease(forKey: "s")?.leaseOwner == "a")
            #expect(try await other.lease(forKey: "s")?.leaseOwner == "b")
        }
    }
}
