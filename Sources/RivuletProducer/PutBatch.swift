/// The Kinesis records of one PutRecords call, taken out of the buffers while the call is in flight.
struct PutBatch: Sendable {
    var drafts: [KinesisRecordDraft] = []
    var sizeBytes = 0

    var count: Int { drafts.count }
    var isEmpty: Bool { drafts.isEmpty }

    mutating func append(_ draft: KinesisRecordDraft) {
        drafts.append(draft)
        sizeBytes += draft.sizeBytes
    }
}
