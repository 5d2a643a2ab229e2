import NIOCore
import Synchronization

/// The open client connections, so a graceful shutdown can close the idle ones at once and let busy ones finish the
/// request they are serving. Also enforces the connection limit.
final class HTTPConnectionRegistry: Sendable {
    private struct Entry {
        var channel: any Channel
        var busy: Bool
    }

    private struct State {
        var entries: [ObjectIdentifier: Entry] = [:]
        var shuttingDown = false
    }

    private let state = Mutex(State())
    private let connectionsMax: Int

    init(connectionsMax: Int) {
        self.connectionsMax = connectionsMax
    }

    /// Registers a connection; false if the limit is reached or the server is shutting down (the caller closes it).
    func admit(_ channel: any Channel) -> Bool {
        state.withLock { state in
            guard !state.shuttingDown, state.entries.count < connectionsMax else { return false }
            state.entries[ObjectIdentifier(channel)] = Entry(channel: channel, busy: false)
            return true
        }
    }

    func remove(_ channel: any Channel) {
        _ = state.withLock { $0.entries.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    /// Marks a connection busy (a request is being served) or idle. Returns false when the server is shutting down
    /// and the connection should close after its current response.
    func setBusy(_ channel: any Channel, _ busy: Bool) -> Bool {
        state.withLock { state in
            state.entries[ObjectIdentifier(channel)]?.busy = busy
            return !state.shuttingDown
        }
    }

    var count: Int { state.withLock { $0.entries.count } }

    /// Stops admitting connections and closes every idle one; busy ones close after their response.
    func beginShutdown() {
        let idle = state.withLock { state -> [any Channel] in
            state.shuttingDown = true
            return state.entries.values.filter { !$0.busy }.map(\.channel)
        }
        for channel in idle {
            channel.close(promise: nil)
        }
    }
}
