/// The Kinesis Agent's `jsonFormat` option: how the JSON-producing processors (CSVTOJSON, LOGTOJSON, ADDMETADATA)
/// lay out each record. The text of each layout follows Jackson's ObjectMapper, which the Kinesis Agent uses.
enum JSONFormat: String, CaseIterable, Sendable {
    /// `{"a":"b"}`
    case compact = "COMPACT"
    /// Jackson's default pretty printer: `{\n  "a" : "b"\n}`, arrays inline as `[ 1, 2 ]`.
    case prettyPrint = "PRETTYPRINT"

    var memberSeparator: String { self == .compact ? ":" : " : " }
    var emptyObject: String { self == .compact ? "{}" : "{ }" }
    var emptyArray: String { self == .compact ? "[]" : "[ ]" }

    /// What comes before the member at `index` of an object nested `depth` objects deep (1 for the outermost).
    func memberLead(index: Int, depth: Int) -> String {
        let opening = index == 0 ? "{" : ","
        guard self == .prettyPrint else { return opening }
        return opening + "\n" + String(repeating: "  ", count: depth)
    }

    /// What closes a non-empty object nested `depth` objects deep.
    func objectClose(depth: Int) -> String {
        guard self == .prettyPrint else { return "}" }
        return "\n" + String(repeating: "  ", count: depth - 1) + "}"
    }
}
