import Foundation

/// Parent and child shard ids are stored as a JSON array in a text column: both databases read and write it the
/// same way, and unlike a separator it cannot be confused by any character a shard id might contain.
enum ShardIdListCoding {
    static func encode(_ shardIds: [String]) -> String {
        // Encoding an array of strings cannot fail.
        let data = try! JSONEncoder().encode(shardIds)
        return String(decoding: data, as: UTF8.self)
    }

    static func decode(_ text: String, operation: String) throws(LeaseStoreError) -> [String] {
        do {
            return try JSONDecoder().decode([String].self, from: Data(text.utf8))
        } catch {
            throw LeaseStoreError(operation: operation, reason: "stored shard id list is not a JSON array of strings")
        }
    }
}
