import ArgumentParser
import Foundation
import RivuletClient
import RivuletWire

/// One admin command's conversation with the service: a client built from the common options, the answer printed
/// in the chosen format, and any failure reported on standard error as `error: <type>: <message>` with a non-zero
/// exit status.
struct AdminSession {
    let client: KinesisClient
    let output: OutputFormat

    /// Runs `body` with a fresh client and closes the client afterwards, whatever `body` did.
    static func run(_ options: AdminOptions, _ body: (AdminSession) async throws -> Void) async throws {
        guard let endpoint = try? AdminEndpoint(argument: options.endpointURL) else {
            preconditionFailure("AdminOptions.validate() accepts only endpoints that parse")
        }
        let client: KinesisClient
        do {
            client = try KinesisClient(
                configuration: options.clientConfiguration(environment: ProcessInfo.processInfo.environment))
        } catch {
            throw AdminFailure.report(error, endpoint: endpoint, verbose: options.debug)
        }
        var failure: (any Error)?
        do {
            try await body(AdminSession(client: client, output: options.output))
        } catch {
            failure = error
        }
        // The answer has been printed or the failure is about to be; a pool that fails to close changes neither.
        try? await client.shutdown()
        if let failure {
            throw AdminFailure.report(failure, endpoint: endpoint, verbose: options.debug)
        }
    }

    /// Prints `response` as the API's JSON, or as what `text` makes of it. Operations that answer with an empty
    /// body print nothing in either format, as the aws CLI does.
    func print<Response: WireOutput>(_ response: Response, text: (Response) -> String) {
        let rendered =
            switch output {
            case .json: PrettyJSON.format(JSONWire.encode(response))
            case .text: text(response)
            }
        if !rendered.isEmpty { Swift.print(rendered) }
    }
}
