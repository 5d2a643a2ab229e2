/// A consumer application's name, checked because it comes from users (flags, configuration files) and ends up in
/// every lease row's key and in logs: letters, digits, '-', '_' and '.', at most 128 characters.
public struct ApplicationName: Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) throws(LeaseStoreError) {
        guard !rawValue.isEmpty, rawValue.utf8.count <= LeaseStoreLimits.applicationNameLengthMax else {
            throw LeaseStoreError(
                operation: "open",
                reason: "application name must have 1 to \(LeaseStoreLimits.applicationNameLengthMax) characters")
        }
        guard rawValue.utf8.allSatisfy(Self.isAllowed) else {
            throw LeaseStoreError(
                operation: "open",
                reason: "application name '\(rawValue)' may hold only letters, digits, '-', '_' and '.'")
        }
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
            true
        default:
            false
        }
    }
}
