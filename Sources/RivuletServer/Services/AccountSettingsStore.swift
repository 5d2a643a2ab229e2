import Foundation
import RivuletCore
import RivuletStorage
import RivuletWire
import Synchronization

/// Each account's settings in a region, as DescribeAccountSettings and UpdateAccountSettings see them: today the
/// minimum throughput billing commitment. Kept in one small JSON file beside the streams, replaced atomically on
/// every change; without a path (tests) they live in memory only. The file is read at first use, so a damaged one
/// fails these two operations (with its path in the log) rather than the server's start.
final class AccountSettingsStore: Sendable {
    /// A commitment lasts at least a day once enabled; disabling it earlier leaves it on until then.
    static let commitmentMinimumMilliseconds: Int64 = 24 * 3_600_000

    struct Commitment: Codable, Equatable, Sendable {
        var status: String
        var startedMilliseconds: Int64?
        var endedMilliseconds: Int64?
        var earliestAllowedEndMilliseconds: Int64?

        static let disabled = Commitment(status: MinimumThroughputBillingCommitmentOutputStatus.disabled.rawValue)
    }

    private let path: String?
    private let fileSystem: any FileSystem
    /// Nil until first read from the file.
    private let loaded = Mutex<[String: Commitment]?>(nil)

    init(path: String?, fileSystem: any FileSystem = PosixFileSystem()) {
        self.path = path
        self.fileSystem = fileSystem
    }

    func commitment(for scope: StreamScope, nowMilliseconds: Int64) throws -> MinimumThroughputBillingCommitmentOutput {
        let stored = try withCommitments { $0[Self.name(scope)] } ?? .disabled
        return Self.wire(Self.settled(stored, nowMilliseconds: nowMilliseconds))
    }

    private func withCommitments<Result>(_ body: (inout [String: Commitment]) throws -> Result) throws -> Result {
        try loaded.withLock { loaded in
            var commitments = try loaded ?? load()
            defer { loaded = commitments }
            return try body(&commitments)
        }
    }

    private func load() throws -> [String: Commitment] {
        guard let path, let bytes = try fileSystem.readWholeFile(atPath: path) else { return [:] }
        do {
            return try JSONDecoder().decode([String: Commitment].self, from: Data(bytes))
        } catch {
            throw StorageError.corrupt(path: path, detail: "unreadable account settings: \(error)")
        }
    }

    /// Enables or disables the commitment and answers with its new state.
    func update(
        _ scope: StreamScope, enable: Bool, nowMilliseconds now: Int64
    ) throws -> MinimumThroughputBillingCommitmentOutput {
        try withCommitments { commitments in
            let current = Self.settled(commitments[Self.name(scope)] ?? .disabled, nowMilliseconds: now)
            var next = current
            let enabled = MinimumThroughputBillingCommitmentOutputStatus.enabled.rawValue
            let lingering = MinimumThroughputBillingCommitmentOutputStatus.enabledUntilEarliestAllowedEnd.rawValue
            switch (enable, current.status) {
            case (true, enabled):
                break
            case (true, lingering):
                next.status = enabled
                next.endedMilliseconds = nil
            case (true, _):
                next = Commitment(
                    status: enabled, startedMilliseconds: now, endedMilliseconds: nil,
                    earliestAllowedEndMilliseconds: now + Self.commitmentMinimumMilliseconds)
            case (false, enabled):
                let earliest = current.earliestAllowedEndMilliseconds ?? now
                if now < earliest {
                    next.status = lingering
                    next.endedMilliseconds = earliest
                } else {
                    next.status = MinimumThroughputBillingCommitmentOutputStatus.disabled.rawValue
                    next.endedMilliseconds = now
                }
            case (false, _):
                break
            }
            if next != current {
                var changed = commitments
                changed[Self.name(scope)] = next
                try persist(changed)
                commitments = changed
            }
            return Self.wire(next)
        }
    }

    private func persist(_ commitments: [String: Commitment]) throws {
        guard let path else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try fileSystem.replaceFileAtomically(atPath: path, with: Array(try encoder.encode(commitments)))
    }

    /// A commitment left on until its earliest end is off once that time has passed.
    private static func settled(_ commitment: Commitment, nowMilliseconds: Int64) -> Commitment {
        guard commitment.status == MinimumThroughputBillingCommitmentOutputStatus.enabledUntilEarliestAllowedEnd.rawValue,
            let end = commitment.endedMilliseconds, nowMilliseconds >= end
        else { return commitment }
        var settled = commitment
        settled.status = MinimumThroughputBillingCommitmentOutputStatus.disabled.rawValue
        return settled
    }

    private static func wire(_ commitment: Commitment) -> MinimumThroughputBillingCommitmentOutput {
        MinimumThroughputBillingCommitmentOutput(
            status: MinimumThroughputBillingCommitmentOutputStatus(rawValue: commitment.status) ?? .disabled,
            startedAt: commitment.startedMilliseconds.map(WireTimestamp.init(epochMilliseconds:)),
            endedAt: commitment.endedMilliseconds.map(WireTimestamp.init(epochMilliseconds:)),
            earliestAllowedEndAt: commitment.earliestAllowedEndMilliseconds.map(WireTimestamp.init(epochMilliseconds:)))
    }

    private static func name(_ scope: StreamScope) -> String { "\(scope.account)/\(scope.region)" }
}
