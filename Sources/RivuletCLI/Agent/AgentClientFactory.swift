import Foundation
import Logging
import RivuletAWS
import RivuletAgent
import RivuletClient
import RivuletWire

/// The Kinesis client the agent sends with: `kinesis.endpoint` (https assumed for a bare host), `kinesis.region`,
/// and the configured keys, or else the environment and ~/.aws as the AWS CLI resolves them. Without any region the
/// Kinesis Agent's default, us-east-1, applies.
enum AgentClientFactory {
    static func makeClient(_ configuration: AgentConfiguration, logger: Logger) throws -> KinesisClient {
        var endpoint = configuration.kinesisEndpoint
        if let given = endpoint, !given.contains("://") {
            endpoint = "https://" + given
        }
        var credentials: SigV4Credentials?
        if let accessKeyId = configuration.accessKeyId, let secretAccessKey = configuration.secretAccessKey {
            credentials = SigV4Credentials(
                accessKeyId: accessKeyId, secretAccessKey: secretAccessKey, sessionToken: configuration.sessionToken)
        }
        let environment = ProcessInfo.processInfo.environment
        let region =
            configuration.kinesisRegion
            ?? (try? ConfigurationResolver(environment: environment).region()) ?? "us-east-1"
        var clientConfiguration = try ClientConfiguration.resolve(
            endpoint: endpoint, region: region, credentials: credentials, environment: environment)
        clientConfiguration.logger = logger
        return try KinesisClient(configuration: clientConfiguration)
    }
}
