import Foundation
import Testing

@testable import RivuletServer

@Suite struct CredentialsFileTests {
    private func load(_ json: String) throws -> [String: ServerCredential] {
        let path = NSTemporaryDirectory() + "rivulet-credentials-\(UUID().uuidString).json"
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try CredentialsFile.load(path: path)
    }

    @Test func readsPermanentAndTemporaryKeys() throws {
        let credentials = try load(
            #"{"AKID": "secret", "ASIA": {"secretAccessKey": "s2", "sessionToken": "token"}}"#)
        #expect(credentials["AKID"] == ServerCredential(secretAccessKey: "secret"))
        #expect(credentials["ASIA"] == ServerCredential(secretAccessKey: "s2", sessionToken: "token"))
        #expect(credentials["AKID"]?.accepts(sessionToken: nil) == true)
        #expect(credentials["AKID"]?.accepts(sessionToken: "token") == false)
        #expect(credentials["ASIA"]?.accepts(sessionToken: nil) == false)
        #expect(credentials["ASIA"]?.accepts(sessionToken: "token") == true)
    }

    @Test func refusesEntriesItCannotUse() {
        for json in [
            #"{"AKID": ""}"#, #"{"AKID": 3}"#, #"{"AKID": {"sessionToken": "t"}}"#,
            #"{"AKID": {"secretAccessKey": "s", "sessionToken": ""}}"#,
            #"{"AKID": {"secretAccessKey": "s", "token": "t"}}"#,
        ] {
            #expect(throws: CredentialsFile.LoadError.self) { try load(json) }
        }
    }
}
