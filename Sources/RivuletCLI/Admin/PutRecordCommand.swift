import ArgumentParser
import Foundation
import RivuletWire

struct PutRecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "put-record",
        abstract: "Write one record to a stream.",
        discussion: """
            The data is given as text with --data (sent as its UTF-8 bytes, not decoded from base64) or read \
            from a file with --data-file, byte for byte. The partition key picks the shard through its MD5 hash, \
            unless --explicit-hash-key names a hash key directly. Prints the shard and the sequence number the \
            record was given.

            Example: rivulet put-record --stream-name orders --partition-key customer-7 --data '{"total": 12}'
            """)

    @OptionGroup var options: AdminOptions
    @OptionGroup var stream: StreamSelection

    @Option(name: .customLong("partition-key"), help: "Groups records into shards; records of one key stay in order.")
    var partitionKey: String

    @Option(help: "The record's data as text.")
    var data: String?

    @Option(name: .customLong("data-file"), help: "A file whose bytes are the record's data.")
    var dataFile: String?

    @Option(name: .customLong("explicit-hash-key"), help: "A decimal hash key that chooses the shard instead.")
    var explicitHashKey: String?

    @Option(
        name: .customLong("sequence-number-for-ordering"),
        help: "Orders this record after the record with this sequence number, from the same partition key.")
    var sequenceNumberForOrdering: String?

    func validate() throws {
        guard (data == nil) != (dataFile == nil) else {
            throw ValidationError("give the record's data with exactly one of --data or --data-file")
        }
    }

    func run() async throws {
        try await AdminSession.run(options) { session in
            let input = PutRecordInput(
                streamName: stream.streamName, data: try recordData(), partitionKey: partitionKey,
                explicitHashKey: explicitHashKey, sequenceNumberForOrdering: sequenceNumberForOrdering,
                streamARN: stream.streamARN)
            session.print(try await session.client.putRecord(input)) { response in
                TextTable.fields([
                    ("ShardId", response.shardId),
                    ("SequenceNumber", response.sequenceNumber),
                    ("EncryptionType", response.encryptionType?.rawValue),
                ]).render()
            }
        }
    }

    private func recordData() throws -> [UInt8] {
        if let data { return Array(data.utf8) }
        guard let dataFile else { preconditionFailure("validate() requires --data or --data-file") }
        return try DataFileReader.read(dataFile)
    }
}
