import Foundation
import RivuletAWS
import Testing

@testable import RivuletClient

@Suite struct ClientConfigurationTests {
    @Test func resolvesAWholeConfiguration() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rivulet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let credentials = directory.appendingPathComponent("credentials")
        try Data("[default]\naws_access_key_id = DEFAULTKEY\naws_secret_access_key = defaultsecret\n".utf8)
            .write(to: credentials)
        let configuration = try ClientConfiguration.resolve(
            endpoint: "http://127.0.0.1:4567",
            environment: [
                "AWS_SHARED_CREDENTIALS_FILE": credentials.path,
                "AWS_CONFIG_FILE": directory.appendingPathComponent("config").path, "AWS_REGION": "eu-north-1",
            ])
        #expect(configuration.region == "eu-north-1")
        #expect(configuration.endpoint == "http://127.0.0.1:4567")
        #expect(try await configuration.credentialsProvider.credentials().accessKeyId == "DEFAULTKEY")
    }
}
