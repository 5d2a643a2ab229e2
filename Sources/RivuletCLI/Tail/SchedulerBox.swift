import RivuletConsumer
import Synchronization

/// Lets the printer stop the scheduler once --limit is reached, though the printer is made before the scheduler.
final class SchedulerBox: Sendable {
    private let scheduler = Mutex<Scheduler?>(nil)

    func set(_ value: Scheduler) {
        scheduler.withLock { $0 = value }
    }

    func shutdown() {
        scheduler.withLock { $0 }?.shutdown()
    }
}
