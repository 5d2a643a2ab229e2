/// Why the agent refused to start, or stopped without doing all it was asked.
public enum AgentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another agent holds the checkpoint database: two agents on one database would each move the other's
    /// checkpoints and send the same lines twice.
    case checkpointsInUse(checkpointFile: String, lockFile: String, processIdentifier: Int32?)
    /// The checkpoint database's lock file could not be made or locked.
    case checkpointLockUnavailable(lockFile: String, reason: String)
    /// `--once` was stopped (SIGTERM, SIGINT) before the stream acknowledged everything it read; those records are
    /// behind the checkpoints and are sent at the next start.
    case stoppedBeforeAcknowledged(records: Int)

    public var description: String {
        switch self {
        case .checkpointsInUse(let checkpointFile, _, let processIdentifier?):
            "another agent (pid \(processIdentifier)) is using the checkpoint database \(checkpointFile); "
                + "stop it, or give this agent another checkpointFile"
        case .checkpointsInUse(let checkpointFile, let lockFile, nil):
            "another agent is using the checkpoint database \(checkpointFile) (it holds \(lockFile)); "
                + "stop it, or give this agent another checkpointFile"
        case .checkpointLockUnavailable(let lockFile, let reason):
            "cannot lock \(lockFile): \(reason); set checkpointFile to a writable path"
        case .stoppedBeforeAcknowledged(let records):
            "stopped before the stream acknowledged \(records) record(s); they are sent at the next start"
        }
    }
}
