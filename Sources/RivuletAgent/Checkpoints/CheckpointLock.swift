import Foundation
import RivuletCore

/// The claim one agent holds on its checkpoint database for as long as it runs: an `OwnerLock` on
/// `<checkpointFile>.lock` beside it. Two agents on one database would both read the same files from the same
/// checkpoints and send every line twice; the second is refused at start instead. The kernel drops the lock when
/// the holder exits, however it exits, so a crashed agent never blocks its successor.
enum CheckpointLock {
    static func lockFile(checkpointFile: String) -> String {
        checkpointFile + ".lock"
    }

    /// Takes the lock or throws at once, naming the process that holds it.
    static func acquire(checkpointFile: String) throws(AgentError) -> OwnerLock {
        let lockFile = lockFile(checkpointFile: checkpointFile)
        let folder = (checkpointFile as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            // As the store would make it; a failure shows up as the lock's own error just below.
            try? FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
        }
        do {
            return try OwnerLock.acquire(path: lockFile)
        } catch {
            switch error {
            case .held(_, let processIdentifier):
                throw .checkpointsInUse(
                    checkpointFile: checkpointFile, lockFile: lockFile, processIdentifier: processIdentifier)
            case .unavailable(_, let reason):
                throw .checkpointLockUnavailable(lockFile: lockFile, reason: reason)
            }
        }
    }
}
