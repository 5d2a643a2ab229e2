/// Fixed bounds of the storage engine that are not tunables, named here with the unit last so none hides in code.
public enum StorageLimits {
    /// Largest frame payload accepted on write and on read: a whole PutRecords request (10 MiB) plus per-record
    /// framing fits with room to spare; a length beyond this in a stored frame marks it as torn or corrupt.
    public static let framePayloadBytesMax = 64 * 1024 * 1024
    /// A partition key's UTF-8 bytes are stored with a 16-bit length.
    public static let partitionKeyBytesMax = Int(UInt16.max)
    /// A read that finds its segment deleted under it (retention) starts again from the new trim horizon this many
    /// times before it reports the failure.
    public static let readAttemptsMax = 4
    /// Bytes read per pread while scanning a segment during recovery.
    public static let recoveryReadBufferBytes = 1024 * 1024
}
