import Foundation
import RivuletConsumer
import RivuletCore
import RivuletLeases
import Synchronization

/// Writes what `rivulet tail` prints, for every shard's processor at once: one write per batch so lines from
/// different shards never interleave, and the batch is on its way out before its checkpoint is recorded. Counts
/// records against `--limit`.
final class TailPrinter: Sendable {
    enum Format: Sendable { case text, json }

    private struct State {
        var printed = 0
    }

    private let format: Format
    private let limit: Int?
    private let reportsCheckpoints: Bool
    private let state = Mutex(State())
    private let output = FileHandle.standardOutput
    private let onLimitReached: @Sendable () -> Void

    init(format: Format, limit: Int?, reportsCheckpoints: Bool, onLimitReached: @escaping @Sendable () -> Void) {
        self.format = format
        self.limit = limit
        self.reportsCheckpoints = reportsCheckpoints
        self.onLimitReached = onLimitReached
    }

    var printedCount: Int { state.withLock { $0.printed } }

    /// Prints as many of `records` as the limit allows; returns how many were printed.
    func print(_ records: [ConsumerRecord], shardId: String) -> Int {
        state.withLock { state in
            let allowed = limit.map { max($0 - state.printed, 0) } ?? records.count
            let printing = records.prefix(allowed)
            guard !printing.isEmpty else { return 0 }
            var text = ""
            for record in printing {
                text += line(for: record, shardId: shardId)
                text += "\n"
            }
            output.write(Data(text.utf8))
            state.printed += printing.count
            if let limit, state.printed >= limit { onLimitReached() }
            return printing.count
        }
    }

    func reportCheckpoint(shardId: String, at position: ExtendedSequenceNumber) {
        guard reportsCheckpoints else { return }
        let line = JSONTextWriter.compactText(of: .object([
            JSONMember(key: "checkpoint", value: .object([
                JSONMember(key: "shardId", value: .string(shardId)),
                JSONMember(key: "sequenceNumber", value: .string(position.sequenceNumber)),
                JSONMember(key: "subSequenceNumber", value: .number(String(position.subSequenceNumber))),
            ]))
        ]))
        state.withLock { _ in output.write(Data((line + "\n").utf8)) }
    }

    var isLimitReached: Bool {
        guard let limit else { return false }
        return state.withLock { $0.printed >= limit }
    }

    private func line(for record: ConsumerRecord, shardId: String) -> String {
        switch format {
        case .text:
            return RecordDataText.text(record.data)
        case .json:
            var members = [
                JSONMember(key: "shardId", value: .string(shardId)),
                JSONMember(key: "sequenceNumber", value: .string(record.sequenceNumber)),
                JSONMember(key: "subSequenceNumber", value: .number(String(record.subSequenceNumber))),
                JSONMember(key: "partitionKey", value: .string(record.partitionKey)),
            ]
            if let text = String(validating: record.data, as: UTF8.self) {
                members.append(JSONMember(key: "data", value: .string(text)))
            } else {
                members.append(JSONMember(key: "dataBase64", value: .string(Data(record.data).base64EncodedString())))
            }
            if let explicitHashKey = record.explicitHashKey {
                members.append(JSONMember(key: "explicitHashKey", value: .string(explicitHashKey)))
            }
            if let arrival = record.approximateArrivalEpochMilliseconds {
                members.append(JSONMember(key: "approximateArrivalTimestamp", value: .number("\(Double(arrival) / 1000)")))
            }
            return JSONTextWriter.compactText(of: .object(members))
        }
    }
}
