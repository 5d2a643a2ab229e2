/// The Kinesis Agent's ADDBRACKETS, its example processor: the record between `{` and `}`, its newline included
/// (`hello\n` becomes `{hello\n}`), since the original wraps the record exactly as it receives it.
struct AddBracketsProcessor: Sendable {
    func process(_ record: [UInt8]) -> ProcessingOutcome {
        var output: [UInt8] = []
        output.reserveCapacity(record.count + 2)
        output.append(UInt8(ascii: "{"))
        output.append(contentsOf: UTF8Repair.repaired(record))
        output.append(UInt8(ascii: "}"))
        return .send(output)
    }
}
