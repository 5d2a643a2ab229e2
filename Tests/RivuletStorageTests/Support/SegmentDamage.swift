import Foundation
import RivuletStorage

/// Reads and damages segment files the way a disk or a crash would, for recovery tests.
enum SegmentDamage {
    /// A frame as it lies in a segment file.
    struct Frame: Equatable {
        var offset: Int
        var bytes: Int
        var firstPosition: UInt64
        var recordCount: Int

        var positions: Range<UInt64> { firstPosition..<(firstPosition + UInt64(recordCount)) }
    }

    /// The frames of an undamaged segment file, in order.
    static func frames(of path: String) throws -> [Frame] {
        let data = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var frames: [Frame] = []
        var offset = 0
        while offset + 28 <= data.count {
            let payload = Int(integer(data, at: offset, bytes: 4))
            frames.append(
                Frame(
                    offset: offset, bytes: 8 + payload, firstPosition: integer(data, at: offset + 8, bytes: 8),
                    recordCount: Int(integer(data, at: offset + 24, bytes: 4))))
            offset += 8 + payload
        }
        return frames
    }

    /// Flips the bits of one byte.
    static func flipByte(in path: String, at offset: Int) throws {
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        data[offset] ^= 0x5A
        try data.write(to: URL(fileURLWithPath: path))
    }

    /// Cuts the last `bytes` bytes off a file, as a torn write leaves it.
    static func cut(_ path: String, bytes: Int) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        try data.prefix(data.count - bytes).write(to: URL(fileURLWithPath: path))
    }

    static func size(of path: String) throws -> Int {
        try Data(contentsOf: URL(fileURLWithPath: path)).count
    }

    /// A copy of a running store's folder: what a kill -9 (or a power cut under fsync `always`) leaves on disk,
    /// without the clean close's record of the next position and without the running store's lock.
    static func crashCopy(of source: String) throws -> TemporaryDirectory {
        let copy = try TemporaryDirectory()
        for name in try FileManager.default.contentsOfDirectory(atPath: source) {
            try FileManager.default.copyItem(atPath: source + "/" + name, toPath: copy.path + "/" + name)
        }
        return copy
    }

    private static func integer(_ data: [UInt8], at offset: Int, bytes: Int) -> UInt64 {
        (0..<bytes).reduce(UInt64(0)) { $0 | UInt64(data[offset + $1]) << (8 * UInt64($1)) }
    }
}

/// The holes recorded in a shard folder, read as a reader of the format would.
struct RecordedHoles: Decodable {
    struct Hole: Decodable, Equatable {
        var from: UInt64
        var to: UInt64
        var reason: String
        var segment: UInt64?
        var offset: Int64?
    }

    var version: Int
    var holes: [Hole]

    static func load(in directory: TemporaryDirectory) throws -> [Hole] {
        guard let path = directory.files(endingWith: "holes.json").first else { return [] }
        return try JSONDecoder().decode(Self.self, from: Data(contentsOf: URL(fileURLWithPath: path))).holes
    }
}

/// The reserved-positions file of the single shard in a folder.
struct ReservedPositions: Decodable {
    var position: UInt64
    var closedCleanly: Bool

    static func load(in directory: TemporaryDirectory) throws -> ReservedPositions? {
        guard let path = directory.files(endingWith: "reserved-positions").first else { return nil }
        return try JSONDecoder().decode(Self.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
