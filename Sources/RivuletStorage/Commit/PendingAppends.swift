/// The queue of appends waiting for a commit round, as a plain state machine (no I/O, no threads).
///
/// Its length is bounded by the callers suspended on it: every entry is one caller awaiting its receipt, and the
/// server bounds callers by connections and request size. Each round takes a bounded prefix of it.
struct PendingAppends {
    private var requests: [AppendRequest] = []
    private var isDraining = false
    private(set) var isShutDown = false

    var queuedCount: Int { requests.count }

    enum EnqueueAction {
        /// The caller's request is queued and a drain must be started.
        case startDrain
        /// The request is queued and the running drain will take it.
        case none
        /// The pipeline is shut down; the request was not queued.
        case refuse
    }

    mutating func enqueue(_ request: AppendRequest) -> EnqueueAction {
        guard !isShutDown else { return .refuse }
        requests.append(request)
        if isDraining { return .none }
        isDraining = true
        return .startDrain
    }

    /// Takes the next round: requests from the front up to `bytesMax` of frames, and always at least one. When none
    /// are left, the drain ends and the next enqueue starts another.
    mutating func takeRound(bytesMax: Int) -> [AppendRequest] {
        let round = takeQueued(bytesMax: bytesMax, countMax: requests.count)
        if round.isEmpty { isDraining = false }
        return round
    }

    /// Takes a round like `takeRound` but leaves the running drain in charge: for committing what is queued ahead of
    /// other work on the commit queue (a reshard closing shards), while the drain still ends on its own.
    mutating func takeQueued(bytesMax: Int, countMax: Int) -> [AppendRequest] {
        var count = 0
        var bytes = 0
        while count < min(countMax, requests.count), count == 0 || bytes + requests[count].frameBytes <= bytesMax {
            bytes += requests[count].frameBytes
            count += 1
        }
        let round = Array(requests.prefix(count))
        requests.removeFirst(count)
        return round
    }

    /// Refuses further requests; returns those still queued so they are committed before the pipeline stops.
    mutating func shutDown() -> [AppendRequest] {
        isShutDown = true
        let remaining = requests
        requests.removeAll()
        return remaining
    }
}
