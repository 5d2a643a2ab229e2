import NIOCore
import Synchronization

/// The open client connections, so a graceful shutdown can close the idle ones at once and let busy ones finish the
/// requests they are serving. Also enforces the connection limit: when it is reached, the connection idle the
/// longest is closed to make room, so a flood of connections that send nothing cannot lock real clients out; only
/// when every connection is serving a request is a newcomer refused. An HTTP/2 connection serves several requests
/// at once, so each connection's `ConnectionActivity` counts its requests in flight and is idle when none is.
final class HTTPConnectionRegistry: Sendable {
    private struct Entry {
        var channel: any Channel
        var activity: ConnectionActivity
    }

    /// What admitting a connection decided.
    enum Admission {
        case admitted(ConnectionActivity, evicted: (any Channel)?)
        case refused
    }

    private let entries = Mutex<[ObjectIdentifier: Entry]>([:])
    private let shuttingDown = Atomic<Bool>(false)
    private let openCount = Atomic<Int>(0)
    private let connectionsMax: Int

    init(connectionsMax: Int) {
        self.connectionsMax = connectionsMax
    }

    /// Registers a connection, evicting the longest-idle one when the limit is reached. Refused when every
    /// connection is busy or the server is shutting down; the caller closes the refused or evicted channel.
    func admit(_ channel: any Channel, at now: Int64 = ConnectionActivity.now()) -> Admission {
        guard !isShuttingDown else { return .refused }
        return entries.withLock { entries in
            var evicted: (any Channel)?
            if entries.count >= connectionsMax {
                let idlest = entries.compactMap { key, entry in
                    entry.activity.idleNanoseconds(at: now).map { (key: key, idle: $0) }
                }.max { $0.idle < $1.idle }
                guard let idlest else { return .refused }
                evicted = entries.removeValue(forKey: idlest.key)?.channel
            }
            let activity = ConnectionActivity(now: now)
            entries[ObjectIdentifier(channel)] = Entry(channel: channel, activity: activity)
            openCount.store(entries.count, ordering: .relaxed)
            return .admitted(activity, evicted: evicted)
        }
    }

    func remove(_ channel: any Channel) {
        entries.withLock { entries in
            entries.removeValue(forKey: ObjectIdentifier(channel))
            openCount.store(entries.count, ordering: .relaxed)
        }
    }

    func activity(of channel: any Channel) -> ConnectionActivity? {
        entries.withLock { $0[ObjectIdentifier(channel)]?.activity }
    }

    var isShuttingDown: Bool { shuttingDown.load(ordering: .sequentiallyConsistent) }

    /// More than three quarters of the limit in use: idle connections are given less time.
    var isCrowded: Bool { openCount.load(ordering: .relaxed) * 4 > connectionsMax * 3 }

    var count: Int { openCount.load(ordering: .relaxed) }

    /// Closes the connection if the server is stopping and it has no request in flight.
    func closeIfIdleAndStopping(_ channel: any Channel) {
        guard isShuttingDown, activity(of: channel)?.isIdle == true else { return }
        channel.close(promise: nil)
    }

    /// Stops admitting connections and closes every idle one; busy ones close after their response. The flag is
    /// set before the idle ones are picked, and a request marks itself answered before it reads the flag, so every
    /// connection is closed by one side or the other.
    func beginShutdown() {
        shuttingDown.store(true, ordering: .sequentiallyConsistent)
        let idle = entries.withLock { entries in
            entries.values.filter { $0.activity.isIdle }.map(\.channel)
        }
        for channel in idle {
            channel.close(promise: nil)
        }
    }
}
