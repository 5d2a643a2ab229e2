/// LOGTOJSON's `logFormat`: which pattern a line must match and the JSON keys of its parts.
enum LogFormat: String, CaseIterable, Sendable {
    case commonApacheLog = "COMMONAPACHELOG"
    case combinedApacheLog = "COMBINEDAPACHELOG"
    case apacheErrorLog = "APACHEERRORLOG"
    case syslog = "SYSLOG"
    case rfc3339Syslog = "RFC3339SYSLOG"

    /// The whole line must match; the common and combined formats allow anything after their last field.
    var pattern: String {
        switch self {
        case .commonApacheLog: LogPatterns.commonApacheLog + LogPatterns.anyData
        case .combinedApacheLog: LogPatterns.combinedApacheLog + LogPatterns.anyData
        case .apacheErrorLog: LogPatterns.apacheErrorLog
        case .syslog: LogPatterns.syslog
        case .rfc3339Syslog: LogPatterns.rfc3339Syslog
        }
    }

    var fieldNames: [String] {
        switch self {
        case .commonApacheLog: Self.commonFields
        // The original spells it "referer", as HTTP does, not "referrer" as its documentation does.
        case .combinedApacheLog: Self.commonFields + ["referer", "agent"]
        case .apacheErrorLog: ["timestamp", "module", "severity", "processid", "threadid", "client", "message"]
        case .syslog, .rfc3339Syslog: ["timestamp", "hostname", "program", "processid", "message"]
        }
    }

    /// Apache writes `-` for a value it does not have; the original turns it into null, for every Apache format
    /// and also with a custom `matchPattern`. Syslog values are kept as they are.
    var dashMeansNull: Bool {
        switch self {
        case .commonApacheLog, .combinedApacheLog, .apacheErrorLog: true
        case .syslog, .rfc3339Syslog: false
        }
    }

    private static let commonFields = ["host", "ident", "authuser", "datetime", "request", "response", "bytes"]
}
