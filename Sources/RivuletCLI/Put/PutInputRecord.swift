import Foundation

/// One record of `rivulet put`'s input: a line as it is, or a JSON line's fields.
struct PutInputRecord {
    var data: [UInt8]
    var partitionKey: String?
    var explicitHashKey: String?

    /// Reads a `--json-lines` line: an object with "data" (a string, sent as its UTF-8 bytes) and optional
    /// "partitionKey" and "explicitHashKey" strings.
    static func parseJSON(_ line: [UInt8]) throws(PutInputError) -> PutInputRecord {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(line))
        } catch {
            throw PutInputError("not valid JSON")
        }
        guard let fields = object as? [String: Any] else { throw PutInputError("not a JSON object") }
        guard let data = fields["data"] as? String else { throw PutInputError("no \"data\" string") }
        let partitionKey = fields["partitionKey"]
        let explicitHashKey = fields["explicitHashKey"]
        guard partitionKey == nil || partitionKey is String else { throw PutInputError("\"partitionKey\" is not a string") }
        guard explicitHashKey == nil || explicitHashKey is String else {
            throw PutInputError("\"explicitHashKey\" is not a string")
        }
        return PutInputRecord(
            data: Array(data.utf8), partitionKey: partitionKey as? String, explicitHashKey: explicitHashKey as? String)
    }
}

/// Why an input line could not become a record.
struct PutInputError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
