import RivuletAgent

/// One flow's state as `rivulet agent status` shows it.
struct AgentFlowStatus {
    struct File {
        var path: String
        var offsetBytes: Int64
        /// The file's size now if it is still there (same device and inode), else its size at the checkpoint.
        var sizeBytes: Int64
        var isPresent: Bool
        var updatedMilliseconds: Int64
        var behindBytes: Int64 { max(sizeBytes - offsetBytes, 0) }
    }

    var flow: String
    var stream: String
    var hasRun: Bool
    var lastError: String?
    /// When the last error was first seen (epoch milliseconds).
    var lastErrorMilliseconds: Int64?
    var files: [File]

    init(flow: FlowConfiguration, record: FlowRecord?, checkpoints: [FileCheckpoint]) {
        self.flow = flow.identifier
        stream = flow.streamName
        hasRun = record != nil
        lastError = record?.lastError
        lastErrorMilliseconds = record?.lastErrorMilliseconds
        files = checkpoints.map { checkpoint in
            let status = FileStatus.of(path: checkpoint.path)
            let present =
                status?.identity == FileIdentity(device: checkpoint.device, inode: checkpoint.inode)
            return File(
                path: checkpoint.path, offsetBytes: checkpoint.offsetBytes,
                sizeBytes: present ? status?.sizeBytes ?? checkpoint.sizeBytes : checkpoint.sizeBytes,
                isPresent: present, updatedMilliseconds: checkpoint.updatedMilliseconds)
        }
    }
}
