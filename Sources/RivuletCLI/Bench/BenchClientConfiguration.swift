import Foundation
import RivuletClient

/// The client configuration of a bench run. Local endpoints get dummy credentials and a region when none are
/// configured: a server started without --credentials accepts any well-formed signature.
enum BenchClientConfiguration {
    static func resolve(_ endpointURL: String, region: String?) throws -> ClientConfiguration {
        var environment = ProcessInfo.processInfo.environment
        let local = endpointURL.contains("127.0.0.1") || endpointURL.contains("localhost")
        if local && environment["AWS_ACCESS_KEY_ID"] == nil {
            environment["AWS_ACCESS_KEY_ID"] = "rivulet-bench"
            environment["AWS_SECRET_ACCESS_KEY"] = "rivulet-bench"
        }
        if local && region == nil && environment["AWS_REGION"] == nil && environment["AWS_DEFAULT_REGION"] == nil {
            environment["AWS_REGION"] = "us-east-1"
        }
        return try ClientConfiguration.resolve(endpoint: endpointURL, region: region, environment: environment)
    }
}
