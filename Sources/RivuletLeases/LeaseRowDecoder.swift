/// Turns a row of `LeaseTableStatements.leaseColumns` back into a lease, and checks it as a write would have, so
/// a row damaged or written by something else is reported instead of acted upon.
enum LeaseRowDecoder {
    static func lease(from values: [LeaseSQLValue], operation: String) throws(LeaseStoreError) -> Lease {
        guard values.count == LeaseTableStatements.leaseColumns.count else {
            throw LeaseStoreError(operation: operation, reason: "a lease row has \(values.count) columns")
        }
        var reader = Reader(values: values, operation: operation)
        let leaseKey = try reader.text()
        let owner = try reader.optionalText()
        let counter = try reader.integer()
        let checkpoint = ExtendedSequenceNumber(sequenceNumber: try reader.text(), subSequenceNumber: try reader.integer())
        let pendingSequence = try reader.optionalText()
        let pendingSubSequence = try reader.optionalInteger()
        let switches = try reader.integer()
        let parents = try ShardIdListCoding.decode(try reader.text(), operation: operation)
        let children = try ShardIdListCoding.decode(try reader.text(), operation: operation)
        let lease = Lease(
            leaseKey: leaseKey, leaseOwner: owner, leaseCounter: counter, checkpoint: checkpoint,
            pendingCheckpoint: pendingSequence.map {
                ExtendedSequenceNumber(sequenceNumber: $0, subSequenceNumber: pendingSubSequence ?? 0)
            },
            ownerSwitchesSinceCheckpoint: switches, parentShardIds: parents, childShardIds: children,
            startingHashKey: try reader.optionalText(), endingHashKey: try reader.optionalText())
        try LeaseValidator.validate(lease, operation: operation)
        return lease
    }

    /// Reads the row's cells in order.
    private struct Reader {
        let values: [LeaseSQLValue]
        let operation: String
        var index = 0

        mutating func optionalText() throws(LeaseStoreError) -> String? {
            defer { index += 1 }
            switch values[index] {
            case .text(let text): return text
            case .null: return nil
            case .integer: throw mismatch("text")
            }
        }

        mutating func optionalInteger() throws(LeaseStoreError) -> Int64? {
            defer { index += 1 }
            switch values[index] {
            case .integer(let integer): return integer
            case .null: return nil
            case .text: throw mismatch("an integer")
            }
        }

        mutating func text() throws(LeaseStoreError) -> String {
            guard let text = try optionalText() else { throw missing() }
            return text
        }

        mutating func integer() throws(LeaseStoreError) -> Int64 {
            guard let integer = try optionalInteger() else { throw missing() }
            return integer
        }

        private func mismatch(_ expected: String) -> LeaseStoreError {
            LeaseStoreError(
                operation: operation,
                reason: "column \(LeaseTableStatements.leaseColumns[index]) does not hold \(expected)")
        }

        private func missing() -> LeaseStoreError {
            LeaseStoreError(
                operation: operation, reason: "column \(LeaseTableStatements.leaseColumns[index - 1]) is null")
        }
    }
}
