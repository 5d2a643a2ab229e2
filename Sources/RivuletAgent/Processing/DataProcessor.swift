/// One configured processor. An enumeration rather than a protocol so that the per-record call is a direct one.
enum DataProcessor: Sendable {
    case singleLine(SingleLineProcessor)
    case csvToJSON(CSVToJSONProcessor)
    case logToJSON(LogToJSONProcessor)
    case addMetadata(AddMetadataProcessor)
    case addBrackets(AddBracketsProcessor)

    func process(_ record: [UInt8]) -> ProcessingOutcome {
        switch self {
        case .singleLine(let processor): processor.process(record)
        case .csvToJSON(let processor): processor.process(record)
        case .logToJSON(let processor): processor.process(record)
        case .addMetadata(let processor): processor.process(record)
        case .addBrackets(let processor): processor.process(record)
        }
    }
}
