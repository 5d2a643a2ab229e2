import ArgumentParser
import Foundation
import RivuletAWS
import RivuletClient

/// Turns whatever stopped an admin command into one line on standard error, in words a user can act on.
enum AdminFailure {
    /// Writes the message and returns the exit code to throw. Exit codes already decided pass through unreported.
    static func report(_ error: any Error, endpoint: AdminEndpoint, verbose: Bool) -> any Error {
        if error is ExitCode || error is CleanExit { return error }
        let line = "error: \(message(for: error, endpoint: endpoint, verbose: verbose))\n"
        FileHandle.standardError.write(Data(line.utf8))
        return ExitCode.failure
    }

    static func message(for error: any Error, endpoint: AdminEndpoint, verbose: Bool) -> String {
        switch error {
        case let error as KinesisClientError:
            message(for: error, endpoint: endpoint, verbose: verbose)
        case let error as ValidationError:
            error.message
        default:
            "\(error)"
        }
    }

    private static func message(for error: KinesisClientError, endpoint: AdminEndpoint, verbose: Bool) -> String {
        switch error {
        case .service(let kinesisError, _, _) where !verbose:
            // The AWS error type first, as scripts and the aws CLI's users expect; HTTP status and request id only
            // with --debug.
            kinesisError.message.isEmpty ? kinesisError.code.rawValue : "\(kinesisError)"
        case .connectionFailed(let url, _) where endpoint.isLocal:
            "\(error) (start one with `\(startCommand(for: url))`, or point --endpoint-url at a running one)"
        default:
            error.description
        }
    }

    /// `rivulet server`, with the port when the endpoint's is not the default.
    private static func startCommand(for url: String) -> String {
        guard let endpoint = try? AWSEndpoint.parse(url), endpoint.port != AdminLimits.serverPortDefault else {
            return "rivulet server"
        }
        return "rivulet server --port \(endpoint.port)"
    }
}
