/// Supplies the credentials each request is signed with. Asked before every attempt, so an implementation can
/// rotate or refresh them; it should answer from memory.
public protocol CredentialsProvider: Sendable {
    func credentials() async throws -> SigV4Credentials
}
