import Foundation
import Logging

/// The agent's logs go to standard error (journald keeps them under systemd); the lines scripts wait for
/// (started, metrics address) go to standard output, flushed at once.
enum AgentLogging {
    static func bootstrap(level: String) -> Logger {
        // The Kinesis Agent's names (TRACE, DEBUG, INFO, WARN, ERROR, FATAL) as well as swift-log's.
        let parsed: Logger.Level =
            switch level.lowercased() {
            case "warn": .warning
            case "fatal": .critical
            default: Logger.Level(rawValue: level.lowercased()) ?? .info
            }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = parsed
            return handler
        }
        var logger = Logger(label: "rivulet.agent")
        logger.logLevel = parsed
        return logger
    }

    static func announce(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}

/// `print(..., to:)` onto standard error.
struct StandardErrorStream: TextOutputStream {
    mutating func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
