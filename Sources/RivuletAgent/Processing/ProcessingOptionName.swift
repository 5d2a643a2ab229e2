/// The Kinesis Agent's `optionName` values.
enum ProcessingOptionName: String, CaseIterable, Sendable {
    case singleLine = "SINGLELINE"
    case csvToJSON = "CSVTOJSON"
    case logToJSON = "LOGTOJSON"
    case addMetadata = "ADDMETADATA"
    case addEC2Metadata = "ADDEC2METADATA"
    case addBrackets = "ADDBRACKETS"
}
