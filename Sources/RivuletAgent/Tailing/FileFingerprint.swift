import Crypto

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The first bytes of a file. An inode number can be reused by a new file after the old one was deleted, and
/// copytruncate leaves a copy under a new inode with the old content: comparing the first bytes is what tells a
/// file seen before from a new one in both cases.
public struct FileFingerprint: Sendable, Hashable {
    /// How many leading bytes are kept: enough to differ between files that start with a timestamp, cheap to
    /// keep for every tracked file and to store in a checkpoint.
    public static let lengthBytes = 512

    /// The file's first bytes, at most `lengthBytes` of them (fewer when the file was shorter when read).
    public let prefixBytes: [UInt8]

    /// Restores a fingerprint from the bytes kept in a checkpoint.
    public init(storedPrefix: [UInt8]) {
        prefixBytes = Array(storedPrefix.prefix(Self.lengthBytes))
    }

    public var lengthBytes: Int { prefixBytes.count }

    public var isEmpty: Bool { prefixBytes.isEmpty }

    /// Reads the first bytes of an open file from offset 0, whatever its read position.
    public static func read(descriptor: Int32) throws(FileReadError) -> FileFingerprint {
        var buffer = [UInt8](repeating: 0, count: lengthBytes)
        var filledBytes = 0
        while filledBytes < lengthBytes {
            let count = buffer.withUnsafeMutableBytes { raw in
                pread(descriptor, raw.baseAddress! + filledBytes, lengthBytes - filledBytes, off_t(filledBytes))
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileReadError(operation: "read the first bytes of", path: "descriptor \(descriptor)", errorNumber: errno)
            }
            if count == 0 { break }
            filledBytes += count
        }
        return FileFingerprint(storedPrefix: Array(buffer.prefix(filledBytes)))
    }

    /// True when both files start with the same bytes over the shorter of the two prefixes: a file that grew
    /// since it was fingerprinted still matches, a different file does not. An empty prefix matches nothing,
    /// since every file starts as an empty one.
    public func sameContentPrefix(as other: FileFingerprint) -> Bool {
        let comparedBytes = min(prefixBytes.count, other.prefixBytes.count)
        guard comparedBytes > 0 else { return false }
        return prefixBytes[0..<comparedBytes] == other.prefixBytes[0..<comparedBytes]
    }

    /// SHA-256 of the prefix as lowercase hex: a short equality key for logs and for a checkpoint index (the
    /// prefix itself is what prefix comparisons need).
    public var hexDigest: String {
        let digest = SHA256.hash(data: prefixBytes)
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(SHA256.byteCount * 2)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
