/// A KeyId as the API accepts it, reduced to what the keyring looks up: an alias name (`alias/...`), an alias ARN
/// (`arn:aws:kms:REGION:ACCOUNT:alias/...`), a key id, or a key ARN (`arn:aws:kms:REGION:ACCOUNT:key/ID`).
///
/// The region and account of an ARN are checked for form only: one keyring serves every region and account this
/// server holds, so an ARN copied from real AWS resolves as long as the keyring knows its alias or key id.
enum KeyIdentifier: Equatable {
    case alias(String)
    case keyId(String)

    static let aliasPrefix = "alias/"
    private static let keyPrefix = "key/"

    /// Nil for an ARN that is not a KMS alias or key ARN.
    init?(parsing text: String) {
        guard text.hasPrefix("arn:") else {
            self = text.hasPrefix(Self.aliasPrefix) ? .alias(text) : .keyId(text)
            return
        }
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", !parts[1].isEmpty, parts[2] == "kms", !parts[3].isEmpty,
            parts[4].count == 12, parts[4].allSatisfy(\.isASCII), parts[4].allSatisfy(\.isNumber)
        else { return nil }
        let resource = parts[5]
        if resource.hasPrefix(Self.aliasPrefix), resource.count > Self.aliasPrefix.count {
            self = .alias(String(resource))
        } else if resource.hasPrefix(Self.keyPrefix), resource.count > Self.keyPrefix.count {
            self = .keyId(String(resource.dropFirst(Self.keyPrefix.count)))
        } else {
            return nil
        }
    }
}
