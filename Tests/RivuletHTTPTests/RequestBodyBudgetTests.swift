import NIOCore
import NIOPosix
import Synchronization
import Testing

@testable import RivuletHTTP

/// The shared budget for request bodies: reservations that fit are granted at once, others wait in arrival order
/// until room is released, and a wait ends when its connection closes.
@Suite(.timeLimit(.minutes(1))) struct RequestBodyBudgetTests {
    let eventLoop = MultiThreadedEventLoopGroup.singleton.next()

    @Test func aReservationThatDoesNotFitWaitsForRoom() async throws {
        let budget = RequestBodyBudget(capacity: 1_000)
        let open = eventLoop.makePromise(of: Void.self)
        defer { open.succeed() }
        #expect(try await budget.reserve(600, until: open.futureResult) == 600)
        let granted = Atomic<Bool>(false)
        let waiting = Task {
            let reserved = try await budget.reserve(600, until: open.futureResult)
            granted.store(true, ordering: .sequentiallyConsistent)
            return reserved
        }
        // Still waiting while the first holds its room; a smaller newcomer queues behind it, in order.
        try await Task.sleep(for: .milliseconds(100))
        let grantedEarly = granted.load(ordering: .sequentiallyConsistent)
        #expect(!grantedEarly)
        budget.release(600)
        #expect(try await waiting.value == 600)
        #expect(budget.available == 400)
        budget.release(600)
        #expect(budget.available == 1_000)
    }

    @Test func aWaitEndsWhenItsConnectionCloses() async throws {
        let budget = RequestBodyBudget(capacity: 1_000)
        let open = eventLoop.makePromise(of: Void.self)
        let closing = eventLoop.makePromise(of: Void.self)
        defer { open.succeed() }
        _ = try await budget.reserve(1_000, until: open.futureResult)
        let waiting = Task { try await budget.reserve(10, until: closing.futureResult) }
        closing.succeed()
        await #expect(throws: CancellationError.self) { try await waiting.value }
        budget.release(1_000)
        #expect(budget.available == 1_000)
    }

    @Test func aBodyLargerThanTheWholeBudgetTakesAllOfIt() async throws {
        let budget = RequestBodyBudget(capacity: 1_000)
        let open = eventLoop.makePromise(of: Void.self)
        defer { open.succeed() }
        #expect(try await budget.reserve(5_000, until: open.futureResult) == 1_000)
        #expect(budget.available == 0)
    }
}
