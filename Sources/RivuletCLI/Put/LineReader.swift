import Foundation
import NIOPosix

/// Reads a file (or standard input) line by line in fixed-size chunks, so memory stays bounded however large the
/// input is. Blocking reads run on NIO's thread pool, not on the tasks that drive the producer.
struct LineReader {
    static let chunkBytes = 256 * 1024

    private let handle: FileHandle
    private let lineBytesMax: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false

    /// A line longer than `lineBytesMax` is returned cut to that length, flagged, and the rest of it skipped.
    init(handle: FileHandle, lineBytesMax: Int) {
        self.handle = handle
        self.lineBytesMax = lineBytesMax
    }

    enum Line {
        case complete([UInt8])
        case tooLong(prefix: [UInt8])
    }

    /// The next line without its "\n" (a final line without one counts too); nil at the end of the input.
    mutating func next() async throws -> Line? {
        var skippingLongLine = false
        var longPrefix: [UInt8] = []
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                if skippingLongLine { return .tooLong(prefix: longPrefix) }
                if line.count > lineBytesMax { return .tooLong(prefix: Array(line.prefix(lineBytesMax))) }
                return .complete(line)
            }
            if buffer.count - start > lineBytesMax {
                // No newline within a record's worth of bytes: keep a prefix for the message, drop the rest.
                if !skippingLongLine { longPrefix = Array(buffer[start..<(start + lineBytesMax)]) }
                skippingLongLine = true
                buffer.removeAll(keepingCapacity: true)
                start = 0
            }
            if atEnd {
                guard start < buffer.count else { return skippingLongLine ? .tooLong(prefix: longPrefix) : nil }
                let line = Array(buffer[start...])
                buffer.removeAll(keepingCapacity: true)
                start = 0
                if skippingLongLine { return .tooLong(prefix: longPrefix) }
                return .complete(line)
            }
            try await fill()
        }
    }

    private mutating func fill() async throws {
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
        let handle = self.handle
        let chunk = try await NIOThreadPool.singleton.runIfActive { try handle.read(upToCount: Self.chunkBytes) }
        if let chunk, !chunk.isEmpty {
            buffer.append(contentsOf: chunk)
        } else {
            atEnd = true
        }
    }
}
