import RivuletCore
import RivuletWire

/// Faults the server adds on purpose (`--fault-injection`), so clients' retries and back-off can be tested locally.
/// Each rule names an operation (or `*` for all) and any of: extra latency, a rate of whole-call errors of a chosen
/// type, and for PutRecords a rate of records failed individually with ProvisionedThroughputExceededException.
/// Faults strike before the operation does anything, so an injected failure never leaves a side effect.
///
///     --fault-injection 'PutRecords:record-error-rate=0.1,latency-ms=20'
///     --fault-injection '*:error-rate=0.01,error=InternalFailure'
public struct FaultInjection: Sendable {
    public struct Rule: Sendable, Equatable {
        /// nil for every operation.
        public var action: KinesisAction?
        public var latencyMilliseconds: Int = 0
        public var errorRate: Double = 0
        public var error: KinesisErrorCode = .internalFailure
        public var recordErrorRate: Double = 0
    }

    public var rules: [Rule]

    public init(rules: [Rule] = []) {
        self.rules = rules
    }

    public var isEmpty: Bool { rules.isEmpty }

    /// Parses one `--fault-injection` value.
    public static func parseRule(_ text: String) throws(FaultInjectionError) -> Rule {
        let parts = text.split(separator: ":", maxSplits: 1)
        guard parts.count == 2 else {
            throw FaultInjectionError("expected OPERATION:setting=value,..., got '\(text)'")
        }
        var rule = Rule()
        let operation = String(parts[0])
        if operation != "*" {
            guard let action = KinesisAction(rawValue: operation) else {
                throw FaultInjectionError("unknown operation '\(operation)'")
            }
            rule.action = action
        }
        for setting in parts[1].split(separator: ",") {
            let pair = setting.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { throw FaultInjectionError("expected setting=value, got '\(setting)'") }
            switch pair[0] {
            case "latency-ms":
                guard let value = Int(pair[1]), (0...60_000).contains(value) else {
                    throw FaultInjectionError("latency-ms must be 0...60000, got '\(pair[1])'")
                }
                rule.latencyMilliseconds = value
            case "error-rate":
                rule.errorRate = try rate(pair)
            case "record-error-rate":
                guard rule.action == .putRecords else {
                    throw FaultInjectionError("record-error-rate applies to PutRecords only")
                }
                rule.recordErrorRate = try rate(pair)
            case "error":
                guard let code = KinesisErrorCode(rawValue: pair[1]) else {
                    throw FaultInjectionError("unknown error type '\(pair[1])'")
                }
                rule.error = code
            default:
                throw FaultInjectionError(
                    "unknown setting '\(pair[0])'; use latency-ms, error-rate, error or record-error-rate")
            }
        }
        return rule
    }

    private static func rate(_ pair: [String]) throws(FaultInjectionError) -> Double {
        guard let value = Double(pair[1]), (0...1).contains(value) else {
            throw FaultInjectionError("\(pair[0]) must be a fraction in 0...1, got '\(pair[1])'")
        }
        return value
    }

    /// The rules that apply to `action`, in the order given.
    func rules(for action: KinesisAction) -> [Rule] {
        rules.filter { $0.action == nil || $0.action == action }
    }

    /// Sleeps the configured latency, then throws the configured error at the configured rate.
    func strike(_ action: KinesisAction) async throws {
        for rule in rules(for: action) {
            if rule.latencyMilliseconds > 0 {
                try await Task.sleep(for: .milliseconds(rule.latencyMilliseconds))
            }
            if rule.errorRate > 0, Double.random(in: 0..<1) < rule.errorRate {
                throw KinesisError(rule.error, "Injected by --fault-injection.")
            }
        }
    }

    /// Whether one PutRecords record is to fail.
    func failsRecord() -> Bool {
        rules(for: .putRecords).contains { $0.recordErrorRate > 0 && Double.random(in: 0..<1) < $0.recordErrorRate }
    }
}

/// Why a `--fault-injection` value was refused.
public struct FaultInjectionError: Error, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
