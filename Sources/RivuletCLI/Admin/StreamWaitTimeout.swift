import RivuletCore

/// A stream stayed out of ACTIVE for longer than `--wait` waits.
struct StreamWaitTimeout: Error, CustomStringConvertible {
    var streamName: String
    var status: StreamStatus
    var waitedMilliseconds: Int

    var description: String {
        "stream \(streamName) is still \(status.rawValue) after \(waitedMilliseconds / 1000) s"
    }
}
