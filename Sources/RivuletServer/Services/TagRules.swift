import RivuletCore
import RivuletStorage

/// What AWS checks of tags beyond the model's lengths: the characters allowed and the count per stream.
enum TagRules {
    /// Unicode letters, digits, white space, and `_ . / = + - % @ :`.
    static func isAllowed(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || scalar.properties.isWhitespace || "_./=+-%@:".unicodeScalars.contains(scalar)
        }
    }

    static func checkCharacters(_ tags: [String: String]) throws {
        guard tags.allSatisfy({ isAllowed($0.key) && isAllowed($0.value) }) else {
            throw KinesisError(
                .invalidArgument,
                "Some tags contain invalid characters. Valid characters: Unicode letters, digits, white space, "
                    + "_ . / = + - % @ :.")
        }
    }

    /// Merges `added` into `existing` (new values win), keeping tags sorted by key, as ListTagsForStream pages them.
    static func merge(_ added: [String: String], into existing: [StreamTag], stream: StreamKey) throws -> [StreamTag] {
        try checkCharacters(added)
        var merged = Dictionary(existing.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        merged.merge(added) { _, new in new }
        guard merged.count <= Limits.tagsPerStreamMax else {
            throw KinesisError(
                .invalidArgument,
                "Failed to add tags to stream \(stream.name) under account \(stream.scope.account) because a given "
                    + "stream cannot have more than \(Limits.tagsPerStreamMax) tags associated with it.")
        }
        return merged.map { StreamTag(key: $0.key, value: $0.value) }.sorted { $0.key < $1.key }
    }
}
