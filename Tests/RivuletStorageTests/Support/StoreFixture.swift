import Logging
import RivuletCore
import RivuletStorage
import Testing

/// Which implementation a conformance test runs against.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case memory
    case file

    var testDescription: String { rawValue }
}

/// A store under test with its manual clock and, for the file store, its folder; reopenable to test restarts.
final class StoreFixture: Sendable {
    let kind: StoreKind
    let clock: ManualClock
    let directory: TemporaryDirectory
    let configuration: StoreConfiguration
    let fileSystem: any FileSystem
    let logs = LogRecorder()

    init(
        _ kind: StoreKind, configuration: StoreConfiguration = StoreConfiguration(),
        fileSystem: any FileSystem = PosixFileSystem()
    ) throws {
        self.kind = kind
        self.clock = ManualClock()
        self.directory = try TemporaryDirectory()
        self.configuration = configuration
        self.fileSystem = fileSystem
    }

    func open() async throws -> any StreamStore {
        switch kind {
        case .memory:
            MemoryStreamStore(clock: clock)
        case .file:
            try await openFileStore()
        }
    }

    func openFileStore() async throws -> FileStreamStore {
        try await FileStreamStore.open(
            directory: directory.path, configuration: configuration, clock: clock, fileSystem: fileSystem,
            logger: logs.logger)
    }
}

let testScope = StreamScope(account: "123456789012", region: "us-east-1")

func streamKey(_ name: String = "orders") -> StreamKey {
    StreamKey(scope: testScope, name: name)
}

func makeDescriptor(_ name: String = "orders", shardCount: Int = 2, clock: ManualClock) -> StreamDescriptor {
    let now = clock.nowMilliseconds()
    let shards = HashKeyRange.evenSplit(count: shardCount).enumerated().map { index, range in
        ShardDescriptor(index: index, hashKeyRange: range, createdMilliseconds: now)
    }
    return StreamDescriptor(
        key: streamKey(name), createdMilliseconds: now, status: .active, mode: .provisioned, shards: shards)
}

func makeRecord(_ number: Int, dataBytes: Int = 16) -> AppendRecord {
    let data = (0..<dataBytes).map { UInt8(truncatingIfNeeded: number &* 31 &+ $0) }
    return AppendRecord(partitionKey: "key-\(number)", data: data)
}

func makeRecords(_ numbers: Range<Int>, dataBytes: Int = 16) -> [AppendRecord] {
    numbers.map { makeRecord($0, dataBytes: dataBytes) }
}

extension StreamStore {
    /// Every record of a shard from its trim horizon, read in small pages to exercise read continuation.
    func readAll(_ key: StreamKey, shardIndex: Int, from position: UInt64 = 0, pageRecords: Int = 7) async throws
        -> [StoredRecord]
    {
        var records: [StoredRecord] = []
        var next = position
        while true {
            let page = try await read(
                key, shardIndex: shardIndex, from: next, recordLimit: pageRecords, byteLimit: 1 << 20)
            if page.records.isEmpty { return records }
            records += page.records
            next = page.nextPosition
        }
    }
}

/// The partition keys and data of stored records, for comparing with what was appended.
func contents(_ records: [StoredRecord]) -> [AppendRecord] {
    records.map { AppendRecord(partitionKey: $0.partitionKey, data: $0.data) }
}
