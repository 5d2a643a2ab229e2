import NIOCore
import Synchronization

/// The open client connections, so a graceful shutdown can close the idle ones at once and let busy ones finish the
/// requests they are serving. Also enforces the connection limit. An HTTP/2 connection serves several requests at
/// once, so a connection counts its requests in flight and is idle when none is.
final class HTTPConnectionRegistry: Sendable {
    private struct Entry {
        var channel: any Channel
        var requestsInFlight: Int

        var busy: Bool { requestsInFlight > 0 }
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
            state.entries[ObjectIdentifier(channel)] = Entry(channel: channel, requestsInFlight: 0)
            return true
        }
    }

    func remove(_ channel: any Channel) {
        _ = state.withLock { $0.entries.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    /// Counts a request starting (busy) or answered on a connection. Returns false when the server is shutting down
    /// and the connection should close after its current response.
    func setBusy(_ channel: any Channel, _ busy: Bool) -> Bool {
        state.withLock { state in
            state.entries[ObjectIdentifier(channel)]?.requestsInFlight += busy ? 1 : -1
            return !state.shuttingDown
        }
    }

    /// Closes the connection if the server is stopping and it has no request in flight.
    func closeIfIdleAndStopping(_ channel: any Channel) {
        let close = state.withLock { state in
            state.shuttingDown && state.entries[ObjectIdentifier(channel)]?.busy == false
        }
        if close { channel.close(promise: nil) }
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
