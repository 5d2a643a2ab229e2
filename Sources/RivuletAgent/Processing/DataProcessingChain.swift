import RivuletCore

/// A flow's `dataProcessingOptions`: processors applied to each record in the configured order, as the Kinesis
/// Agent's converter chain applies them. A processor that drops the record ends the chain; one that fails makes
/// the chain send the record as it was read, as the original does.
public struct DataProcessingChain: Sendable {
    let processors: [DataProcessor]

    public init() {
        processors = []
    }

    init(processors: [DataProcessor]) {
        self.processors = processors
    }

    public var isEmpty: Bool { processors.isEmpty }

    public func process(_ record: [UInt8]) -> ProcessingOutcome {
        var current = record
        for processor in processors {
            switch processor.process(current) {
            case .send(let bytes): current = bytes
            case .skip: return .skip
            case .sendUnprocessed(_, let reason): return .sendUnprocessed(record, reason: reason)
            }
        }
        return .send(current)
    }

    /// Reads every option and reports every mistake in it, each at its own key path.
    public static func parse(
        _ options: JSONValue?, keyPath: String, problems: inout [ConfigurationProblem]
    ) -> DataProcessingChain {
        guard let options else { return DataProcessingChain() }
        guard case .array(let entries) = options else {
            problems.append(
                ConfigurationProblem(
                    keyPath: keyPath, value: ProblemValueText.text(of: options),
                    expected: "must be an array of processing options"))
            return DataProcessingChain()
        }
        var processors: [DataProcessor] = []
        for (index, entry) in entries.enumerated() {
            if let processor = parseEntry(entry, keyPath: "\(keyPath)[\(index)]", problems: &problems) {
                processors.append(processor)
            }
        }
        return DataProcessingChain(processors: processors)
    }

    private static func parseEntry(
        _ entry: JSONValue, keyPath: String, problems: inout [ConfigurationProblem]
    ) -> DataProcessor? {
        let allowedNames = ProcessingOptionReader.names(of: ProcessingOptionName.self)
        guard case .object(let members) = entry else {
            problems.append(
                ConfigurationProblem(
                    keyPath: keyPath, value: ProblemValueText.text(of: entry),
                    expected: "must be an object with an optionName, one of \(allowedNames)"))
            return nil
        }
        var reader = ProcessingOptionReader(members: members, keyPath: keyPath)
        guard let nameValue = reader.value("optionName") else {
            problems.append(reader.missing("optionName", expected: "is required, one of \(allowedNames)"))
            return nil
        }
        guard case .string(let name) = nameValue, let option = ProcessingOptionName(rawValue: name) else {
            problems.append(reader.typeProblem("optionName", nameValue, expected: "must be one of \(allowedNames)"))
            return nil
        }
        return parseOption(option, &reader, problems: &problems)
    }

    private static func parseOption(
        _ option: ProcessingOptionName, _ reader: inout ProcessingOptionReader,
        problems: inout [ConfigurationProblem]
    ) -> DataProcessor? {
        switch option {
        case .singleLine:
            return .singleLine(SingleLineProcessor.parse(&reader, problems: &problems))
        case .csvToJSON:
            return CSVToJSONProcessor.parse(&reader, problems: &problems).map(DataProcessor.csvToJSON)
        case .logToJSON:
            return LogToJSONProcessor.parse(&reader, problems: &problems).map(DataProcessor.logToJSON)
        case .addMetadata:
            return AddMetadataProcessor.parse(&reader, problems: &problems).map(DataProcessor.addMetadata)
        case .addBrackets:
            reader.appendUnknownKeyProblems(to: &problems, allowed: ["optionName"])
            return .addBrackets(AddBracketsProcessor())
        case .addEC2Metadata:
            problems.append(
                reader.typeProblem(
                    "optionName", .string(option.rawValue),
                    expected: "cannot work here: ADDEC2METADATA reads the EC2 instance metadata service and the "
                        + "instance's EC2 tags, which exist only on Amazon EC2; "
                        + "use ADDMETADATA with the values instead"))
            return nil
        }
    }
}
