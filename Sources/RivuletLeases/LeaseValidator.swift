/// Checks leases before they are written and after they are read, so a store never holds, and a worker never acts
/// on, a value the others could not read back (house rule: check data at both ends).
enum LeaseValidator {
    static let sentinels: Set<String> = ["TRIM_HORIZON", "LATEST", "AT_TIMESTAMP", "SHARD_END"]

    static func validate(_ lease: Lease, operation: String) throws(LeaseStoreError) {
        try validateKey(lease.leaseKey, operation: operation)
        if let owner = lease.leaseOwner { try validateOwner(owner, operation: operation) }
        try require(lease.leaseCounter >= 0, operation, "lease counter \(lease.leaseCounter) is negative")
        try require(
            lease.ownerSwitchesSinceCheckpoint >= 0, operation,
            "owner switches \(lease.ownerSwitchesSinceCheckpoint) is negative")
        try validate(lease.checkpoint, operation: operation)
        if let pending = lease.pendingCheckpoint { try validate(pending, operation: operation) }
        try validateShardIds(lease.parentShardIds, operation: operation)
        try validateShardIds(lease.childShardIds, operation: operation)
        if let key = lease.startingHashKey { try validateHashKey(key, operation: operation) }
        if let key = lease.endingHashKey { try validateHashKey(key, operation: operation) }
    }

    static func validateKey(_ key: String, operation: String) throws(LeaseStoreError) {
        try require(!key.isEmpty, operation, "lease key is empty")
        try require(
            key.utf8.count <= LeaseStoreLimits.leaseKeyBytesMax, operation,
            "lease key is longer than \(LeaseStoreLimits.leaseKeyBytesMax) bytes")
    }

    static func validateOwner(_ owner: String, operation: String) throws(LeaseStoreError) {
        try require(!owner.isEmpty, operation, "lease owner is empty")
        try require(
            owner.utf8.count <= LeaseStoreLimits.leaseOwnerBytesMax, operation,
            "lease owner is longer than \(LeaseStoreLimits.leaseOwnerBytesMax) bytes")
    }

    static func validate(_ position: ExtendedSequenceNumber, operation: String) throws(LeaseStoreError) {
        let text = position.sequenceNumber
        try require(
            text.utf8.count <= LeaseStoreLimits.sequenceNumberBytesMax, operation,
            "sequence number is longer than \(LeaseStoreLimits.sequenceNumberBytesMax) bytes")
        let isDecimal = !text.isEmpty && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        try require(
            isDecimal || sentinels.contains(text), operation,
            "sequence number '\(text.prefix(40))' is neither decimal nor a sentinel")
        try require(
            position.subSequenceNumber >= 0, operation,
            "sub-sequence number \(position.subSequenceNumber) is negative")
    }

    static func validateShardIds(_ shardIds: [String], operation: String) throws(LeaseStoreError) {
        try require(
            shardIds.count <= LeaseStoreLimits.shardIdsPerLeaseMax, operation,
            "more than \(LeaseStoreLimits.shardIdsPerLeaseMax) parent or child shard ids")
        for shardId in shardIds { try validateKey(shardId, operation: operation) }
    }

    static func validateHashKey(_ key: String, operation: String) throws(LeaseStoreError) {
        let isDecimal = !key.isEmpty && key.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        try require(
            isDecimal && key.utf8.count <= LeaseStoreLimits.hashKeyBytesMax, operation,
            "hash key '\(key.prefix(40))' is not a decimal of at most \(LeaseStoreLimits.hashKeyBytesMax) digits")
    }

    private static func require(
        _ condition: Bool, _ operation: String, _ reason: @autoclosure () -> String
    ) throws(LeaseStoreError) {
        if !condition { throw LeaseStoreError(operation: operation, reason: reason()) }
    }
}
