/// Every bound the admin commands apply on their own side, in one place.
enum AdminLimits {
    /// The default endpoint: a `rivulet server` started with its default port on this machine.
    static let localEndpointDefault = "http://127.0.0.1:4567"
    /// The port `rivulet server` listens on unless told otherwise; a suggestion to start one names any other.
    static let serverPortDefault = 4567
    /// Used for a local endpoint when neither the flags, the environment nor a profile name a region: a Rivulet
    /// server accepts any region, and signing needs one.
    static let localRegionDefault = "us-east-1"
    /// How often `create-stream --wait` asks whether the stream is ACTIVE yet.
    static let waitPollMilliseconds = 250
    /// How long `create-stream --wait` waits for ACTIVE before giving up.
    static let waitMillisecondsMax = 120_000
    /// The largest file `put-record --data-file` reads: the ceiling of the API's record size, so a larger file is
    /// refused before it is read into memory.
    static let dataFileBytesMax = 10 * 1024 * 1024
}
