import CRC32C

/// CRC32C (Castagnoli), the checksum of every stored frame. The work happens in the CRC32C C target, which uses the
/// processor's crc32 instruction where it exists.
public enum CRC32CChecksum {
    /// Extends `checksum` (0 to start) over `bytes`.
    public static func extend(_ checksum: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return checksum }
        return rivulet_crc32c_extend(checksum, base, bytes.count)
    }

    public static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        extend(0, bytes)
    }

    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { extend(0, $0) }
    }
}
