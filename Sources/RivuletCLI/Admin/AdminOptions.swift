import ArgumentParser
import Logging
import RivuletAWS
import RivuletClient
import RivuletWire

/// The options every admin command shares: where to send requests, how to sign them and how to print the answer.
struct AdminOptions: ParsableArguments {
    /// Signs requests to a local server that has no credentials configured; the server accepts any well-formed
    /// signature unless it was started with --credentials.
    static let dummyCredentials = SigV4Credentials(
        accessKeyId: "RIVULETLOCALACCESSKEY", secretAccessKey: "rivulet-local-secret-access-key")

    @Option(
        name: .customLong("endpoint-url"),
        help: ArgumentHelp(
            "The server to call: an http(s) URL, or 'aws' for Amazon Kinesis in the region.",
            discussion: """
                An https URL that is not on this machine reaches Amazon Kinesis (or whichever service it names). \
                For a local server, a region and credentials found nowhere else default to us-east-1 and dummy \
                keys, which a server started without --credentials accepts.
                """))
    var endpointURL = AdminLimits.localEndpointDefault

    @Option(help: "The region to sign for; defaults to AWS_REGION, AWS_DEFAULT_REGION or the profile's region.")
    var region: String?

    @Option(help: "The profile in ~/.aws/credentials and ~/.aws/config to take credentials and region from.")
    var profile: String?

    @Option(help: "text (readable) or json (the API's response, pretty-printed).")
    var output: OutputFormat = .text

    @Flag(help: "Log each request, retry and failure in detail on standard error.")
    var debug = false

    func validate() throws {
        do {
            _ = try AdminEndpoint(argument: endpointURL)
        } catch {
            throw ValidationError("--endpoint-url: \(error)")
        }
    }

    /// The client configuration: flags first, then the environment and the shared files, as the aws CLI does;
    /// for a local endpoint, a default region and dummy credentials fill in what none of those supply.
    func clientConfiguration(environment: [String: String]) throws -> ClientConfiguration {
        let endpoint = try AdminEndpoint(argument: endpointURL)
        let resolver = ConfigurationResolver(environment: environment)
        let resolvedRegion = try region(from: resolver, isLocal: endpoint.isLocal)
        let resolvedCredentials = try credentials(from: resolver, isLocal: endpoint.isLocal)
        let logger = makeLogger()
        // The access key id, not the secret, tells which source was used: the dummy one is recognisable.
        logger.debug(
            "client configured",
            metadata: [
                "endpoint": .string(endpoint.url ?? "Amazon Kinesis"), "region": .string(resolvedRegion),
                "credentials.access_key_id": .string(resolvedCredentials.accessKeyId),
            ])
        return ClientConfiguration(
            endpoint: endpoint.url, region: resolvedRegion,
            credentialsProvider: StaticCredentialsProvider(resolvedCredentials), logger: logger)
    }

    private func region(from resolver: ConfigurationResolver, isLocal: Bool) throws -> String {
        do throws(AWSConfigurationError) {
            return try resolver.region(explicit: region, profile: profile)
        } catch .noRegion where isLocal {
            return AdminLimits.localRegionDefault
        }
    }

    private func credentials(from resolver: ConfigurationResolver, isLocal: Bool) throws -> SigV4Credentials {
        do throws(AWSConfigurationError) {
            return try resolver.credentials(profile: profile)
        } catch .noCredentials where isLocal {
            return Self.dummyCredentials
        }
    }

    private func makeLogger() -> Logger {
        guard debug else { return Logger(label: "rivulet.admin", factory: { _ in SwiftLogNoOpLogHandler() }) }
        return Logger(label: "rivulet.admin") { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .debug
            return handler
        }
    }
}
