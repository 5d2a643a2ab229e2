import Testing
@testable import RivuletLeases

/// The `LeaseStore` protocol's semantics, checked against every implementation: creating and reading leases, and
/// each conditional write with the counter and owner conditions it states.
@Suite struct LeaseStoreConformanceTests {
    @Test(arguments: LeaseStoreKind.available)
    func createsOnlyMissingLeasesAndReadsThemBack(kind: LeaseStoreKind) async throws {
        try await LeaseStoreFixture.with(kind) { fixture async throws in
            let store = fixture.store
            #expect(try await store.listLeases().isEmpty)
            #expect(try await store.lease(forKey: "shardId-000000000000") == nil)
            let lease = Lease(
                leaseKey: "shardId-000000000000", leaseOwner: "worker-a", leaseCounter: 7,
                checkpoint: ExtendedSequenceNumber(sequenceNumber: "49650", subSequenceNumber: 2),
                pendingCheckpoint: ExtendedSequenceNumber(sequenceNumber: "49651"), ownerSwitchesSinceCheckpoint: 3,
                parentShardIds: ["shardId-a", "shardId-b"], childShardIds: ["shardId-c"],
                startingHashKey: "0", endingHashKey: "340282366920938463463374607431768211455")
            #expect(try await store.createLeaseIfNotExists(lease))
            #expect(try await store.lease(forKey: lease.leaseKey) == lease)
            var other = Lease(leaseKey: lease.leaseKey)
            other.leaseOwner = "worker-b"
            #expect(try await !store.createLeaseIfNotExists(other))
            #expect(try await store.lease(forKey: lease.leaseKey) == lease)
            #expect(try await store.listLeases() == [lease])
        }
    }

    @Test(arguments: LeaseStoreKind.available)
    func listsLeasesInKeyOrder(kind: LeaseStoreKind) async throws {
        try await LeaseStoreFixture.with(kind) { fixture async throws in
            for key in ["shardId-2", "shardId-0", "shardId-1"] {
                #expect(try await fixture.store.createLeaseIfNotExists(Lease(leaseKey: key)))
            }
            #expect(try await fixture.store.listLeases().map(\.leaseKey) == ["shardId-0", "shardId-1", "shardId-2"])
        }
    }

    @Test(arguments: LeaseStoreKind.available)
    func renewsOnlyWithUnchangedCounterAndOwner(kind: LeaseStoreKind) async throws {
        try await LeaseStoreFixture.with(kind) { fixture async throws in
            let store = fixture.store
            let lease = try await create(Lease(leaseKey: "s", leaseOwner: "worker-a", leaseCounter: 4), in: store)
            let renewed = try #require(try await store.renewLease(lease))
            var expected = lease
            expected.leaseCounter = 5
            #expect(renewed == expected)
            #expect(try await store.renewLease(lease) == nil, "stale counter")
            var wrongOwner = renewed
            wrongOwner.leaseOwner = "worker-b"
            #expect(try await store.renewLease(wrongOwner) == nil, "someone else's lease")
            var unowned = renewed
            unowned.leaseOwner = nil
            #expect(try await store.renewLease(unowned) == nil, "owned lease renewed as free")
            #expect(try await store.renewLease(Lease(leaseKey: "missing")) == nil)
            #expect(try await store.lease(forKey: "s") == renewed)
        }
    }

    @Test(arguments: LeaseStoreKind.available)
    func takesOnUnchangedCounterAndCountsOwnerSwitches(kind: LeaseStoreKind) async throws {
        try await LeaseStoreFixture.with(kind) { fixture async throws in
            let store = fixture.store
            let free = try await create(Lease(leaseKey: "s"), in: store)
            let taken = try #require(try await store.takeLease(free, owner: "worker-a"))
            #expect(taken.leaseOwner == "worker-a")
            #expect(taken.leaseCounter == 1)
            #expect(taken.ownerSwitchesSinceCheckpoint == 0, "taking a free lease is not a switch")

            let retaken = try #require(try await store.takeLease(taken, owner: "worker-a"))
            #expect(retaken.leaseCounter == 2)
            #expect(retaken.ownerSwitchesSinceCheckpoint == 0, "taking one's own lease is not a switch")

            #expect(try await store.takeLease(taken, owner: "worker-b") == nil, "stale counter")
            // The owner is not part of the condition: a lease is stolen from whoever holds it.
            var seenWithOtherOwner = retaken
            seenWithOtherOwner.leaseOwner = "worker-z"
            let stolen = try #require(try await store.takeLease(seenWithOtherOwner, owner: "worker-b"))
            #expect(stolen.leaseOwner == "worker-b")
            #expect(stolen.leaseCounter == 3)
            #expect(stolen.ownerSwitchesSinceCheckpoint == 1)
            let stolenBack = try #require(try await store.takeLease(stolen, owner: "worker-a"))
            #expect(stolenBack.ownerSwitchesSinceCheckpoint == 2)
            #expect(try await store.lease(forKey: "s") == stolenBack)
            #expect(try await store.takeLease(Lease(leaseKey: "missing"), owner: "worker-a") == nil)
        }
    }

    @Test(arguments: LeaseStoreKind.available)
    func evictsOnlyWithUnchangedCounterAndOwner(kind: LeaseStoreKind) async throws {
        try await LeaseStoreFixture.with(kind) { fixture async throws in
            let store = fixture.store
            let lease = try await create(Lease(leaseKey: "s", leaseOwner: "worker-a", leaseCounter: 9), in: store)
            var wrongOwner = lease
            wrongOwner.leaseOwner = "worker-b"
            #expect(try await store.evictLease(wrongOwner) == nil)
            var staleCounter = lease
            staleCounter.leaseCounter = 8
            #expect(try await store.evictLease(staleCounter) == nil)
            let evicted = try #require(try await store.evictLease(lease))
            #expect(evicted.leaseOwner == nil)
            #expect(evicted.leaseCounter == 10)
            #expect(try await store.lease(forKey: "s") == evicted)
            let taken = try #require(try await store.takeLease(evicted, owner: "worker-b"))
            #expect(taken.ownerSwitchesSinceCheckpoint == 0, "a lease given up cleanly is taken without a switch")
        }
    }

    @Test(arguments: LeaseStoreKind.available)
    func checkpointsClearPendingAndResetSwitches(kind: LeaseStoreKind) async throws {
        try await LeaseStoreFixture.with(kind) { fixture async throws in
            let store = fixture.store
            let lease = try await create(
                Lease(
                    leaseKey: "s", leaseOwner: "worker-a", leaseCounter: 2,
                    pendingCheckpoint: ExtendedSequenceNumber(sequenceNumber: "12"), ownerSwitchesSinceCheckpoint: 4),
                in: store)
            let position = ExtendedSequenceNumber(sequenceNumber: "49590338271490256608559692538361571095921575989136588898", subSequenceNumber: 3)
            var wrongOwner = lease
            wrongOwner.leaseOwner = "worker-b"
            #expect(try await store.updateCheckpoint(wrongOwner, checkpoint: position) == nil)
            var staleCounter = lease
            staleCounter.leaseCounter = 1
            #expect(try await store.updateCheckpoint(staleCounter, checkpoint: position) == nil)
            let recorded = try #require(try await store.updateCheckpoint(lease, checkpoint: position))
            var expected = lease
            expected.leaseCounter = 3
            expected.checkpoint = position
            expected.pendingCheckpoint = nil
            expected.ownerSwitchesSinceCheckpoint = 0
            #expect(recorded == expected)
            #expect(try await store.lease(forKey: "s") == expected)
        }
    }

    @Test(arguments: LeaseStoreKind.available)
    func recordsAndClearsPendingCheckpoints(kind: LeaseStoreKind) async throws {
        try await LeaseStoreFixture.with(kind) { fixture async throws in
            let store = fixture.store
            let lease = try await create(Lease(leaseKey: "s", leaseOwner: "worker-a"), in: store)
            let prepared = ExtendedSequenceNumber(sequenceNumber: "777", subSequenceNumber: 5)
            var wrongOwner = lease
            wrongOwner.leaseOwner = nil
            #expect(try await store.updatePendingCheckpoint(wrongOwner, pendingCheckpoint: prepared) == nil)
            let pending = try #require(try await store.updatePendingCheckpoint(lease, pendingCheckpoint: prepared))
            #expect(pending.pendingCheckpoint == prepared)
            #expect(pending.checkpoint == .trimHorizon)
            #expect(pending.leaseCounter == 1)
            #expect(try await store.updatePendingCheckpoint(lease, pendingCheckpoint: nil) == nil, "stale counter")
            let cleared = try #require(try await store.updatePendingCheckpoint(pending, pendingCheckpoint: nil))
            #expect(cleared.pendingCheckpoint == nil)
            #expect(cleared.leaseCounter == 2)
            #expect(try await store.lease(forKey: "s") == cleared)
        }
    }

    @Test(arguments: LeaseStoreKind.available)
    func recordsChildShardsOnUnchangedCounterWhoeverOwns(kind: LeaseStoreKind) async throws {
        try await LeaseStoreFixture.with(kind) { fixture async throws in
            let store = fixture.store
            let lease = try await create(Lease(leaseKey: "s", leaseOwner: "worker-a", leaseCounter: 1), in: store)
            var seenByAnother = lease
            seenByAnother.leaseOwner = "worker-b"
            let children = ["shardId-000000000001", "shardId-000000000002"]
            let recorded = try #require(try await store.updateChildShardIds(seenByAnother, childShardIds: children))
            #expect(recorded.childShardIds == children)
            #expect(recorded.leaseOwner == "worker-a")
            #expect(recorded.leaseCounter == 2)
            #expect(try await store.updateChildShardIds(lease, childShardIds: []) == nil, "stale counter")
            #expect(try await store.lease(forKey: "s")?.childShardIds == children)
        }
    }

    @Test(arguments: LeaseStoreKind.available)
    func deletesOnlyWithUnchangedCounter(kind: LeaseStoreKind) async throws {
        try await LeaseStoreFixture.with(kind) { fixture async throws in
            let store = fixture.store
            let lease = try await create(Lease(leaseKey: "s", leaseOwner: "worker-a", leaseCounter: 3), in: store)
            var stale = lease
            stale.leaseCounter = 2
            #expect(try await !store.deleteLease(stale))
            var otherOwner = lease
            otherOwner.leaseOwner = "worker-b"
            #expect(try await store.deleteLease(otherOwner), "the owner is not part of the condition")
            #expect(try await store.lease(forKey: "s") == nil)
            #expect(try await !store.deleteLease(lease))
            #expect(try await store.createLeaseIfNotExists(Lease(leaseKey: "s")), "a deleted key can be created again")
        }
    }

    @Test(arguments: LeaseStoreKind.available)
    func roundTripsSentinelsAndSubSequenceNumbers(kind: LeaseStoreKind) async throws {
        try await LeaseStoreFixture.with(kind) { fixture async throws in
            let store = fixture.store
            let positions: [ExtendedSequenceNumber] = [
                .trimHorizon, .latest, .atTimestamp, .shardEnd,
                ExtendedSequenceNumber(sequenceNumber: "0"),
                ExtendedSequenceNumber(sequenceNumber: "1", subSequenceNumber: Int64.max),
                ExtendedSequenceNumber(sequenceNumber: String(repeating: "9", count: 56), subSequenceNumber: 41),
                ExtendedSequenceNumber(sequenceNumber: String(repeating: "7", count: 128)),
            ]
            for (index, position) in positions.enumerated() {
                let lease = try await create(
                    Lease(leaseKey: "s\(index)", leaseOwner: "w", checkpoint: position, pendingCheckpoint: position),
                    in: store)
                #expect(try await store.lease(forKey: lease.leaseKey) == lease)
                let moved = try #require(try await store.updateCheckpoint(lease, checkpoint: position))
                #expect(moved.checkpoint == position)
                let prepared = try #require(try await store.updatePendingCheckpoint(moved, pendingCheckpoint: position))
                #expect(try await store.lease(forKey: lease.leaseKey)?.pendingCheckpoint == position)
                #expect(prepared.pendingCheckpoint == position)
            }
            #expect(try await store.lease(forKey: "s3")?.checkpoint.isSentinel == true)
            #expect(try await store.lease(forKey: "s6")?.checkpoint.isSentinel == false)
        }
    }

    @Test(arguments: LeaseStoreKind.available)
    func keepsShardIdsWithAnyCharacters(kind: LeaseStoreKind) async throws {
        try await LeaseStoreFixture.with(kind) { fixture async throws in
            let parents = ["a,b", "quote\"d", "back\\slash", "new\nline", "ünïcödé", "[]"]
            let lease = try await create(
                Lease(leaseKey: "key with spaces, 'quotes' and ünïcödé", parentShardIds: parents), in: fixture.store)
            #expect(try await fixture.store.lease(forKey: lease.leaseKey)?.parentShardIds == parents)
        }
    }

    @Test(arguments: LeaseStoreKind.available)
    func holdsManyLeases(kind: LeaseStoreKind) async throws {
        try await LeaseStoreFixture.with(kind) { fixture async throws in
            let count = 300
            let keys = (0..<count).map { "shardId-\(String(1_000_000 + $0).dropFirst())" }
            for key in keys.reversed() {
                #expect(try await fixture.store.createLeaseIfNotExists(Lease(leaseKey: key)))
            }
            let listed = try await fixture.store.listLeases()
            #expect(listed.map(\.leaseKey) == keys)
        }
    }

    @Test(arguments: LeaseStoreKind.available)
    func refusesValuesOthersCouldNotReadBack(kind: LeaseStoreKind) async throws {
        try await LeaseStoreFixture.with(kind) { fixture async throws in
            let store = fixture.store
            await #expect(throws: LeaseStoreError.self) {
                _ = try await store.createLeaseIfNotExists(Lease(leaseKey: ""))
            }
            await #expect(throws: LeaseStoreError.self) {
                _ = try await store.createLeaseIfNotExists(
                    Lease(leaseKey: "s", checkpoint: ExtendedSequenceNumber(sequenceNumber: "12a")))
            }
            await #expect(throws: LeaseStoreError.self) {
                _ = try await store.createLeaseIfNotExists(
                    Lease(leaseKey: "s", parentShardIds: Array(repeating: "p", count: 17)))
            }
            let lease = try await create(Lease(leaseKey: "s", leaseOwner: "w"), in: store)
            await #expect(throws: LeaseStoreError.self) {
                _ = try await store.updateCheckpoint(
                    lease, checkpoint: ExtendedSequenceNumber(sequenceNumber: "5", subSequenceNumber: -1))
            }
            await #expect(throws: LeaseStoreError.self) {
                _ = try await store.takeLease(lease, owner: "")
            }
            #expect(try await store.lease(forKey: "s") == lease, "a refused write changes nothing")
        }
    }

    func create(_ lease: Lease, in store: any LeaseStore) async throws -> Lease {
        #expect(try await store.createLeaseIfNotExists(lease))
        return lease
    }
}
