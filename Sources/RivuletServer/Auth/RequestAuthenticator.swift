import NIOHTTP1
import RivuletAWS
import RivuletCore
import RivuletHTTP
import RivuletWire

/// Reads SigV4 from every request: the region comes from the credential scope and scopes the request's streams.
/// With a credentials table, signatures are verified; without one, any well-formed signature is accepted, as local
/// emulators do (the server says so at start-up).
public struct RequestAuthenticator: Sendable {
    private let accountId: String
    private let credentials: [String: ServerCredential]?
    private let clock: any WallClock

    public init(accountId: String, credentials: [String: ServerCredential]?, clock: any WallClock) {
        self.accountId = accountId
        self.credentials = credentials
        self.clock = clock
    }

    /// Permanent keys only: each access key id with its secret.
    public init(accountId: String, secretsByAccessKeyId: [String: String]?, clock: any WallClock) {
        self.init(
            accountId: accountId, credentials: secretsByAccessKeyId?.mapValues { ServerCredential(secretAccessKey: $0) },
            clock: clock)
    }

    public var verifiesSignatures: Bool { credentials != nil }

    func authenticate(_ request: HTTPRequest, requestId: String) throws -> RequestContext {
        let header = request.headers.first(name: "authorization")
        let presigned = request.query.contains("X-Amz-Algorithm=")
        if header != nil && presigned {
            throw KinesisError(
                .invalidSignature,
                "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.")
        }
        guard let header else {
            throw KinesisError(.missingAuthenticationToken, "Missing Authentication Token")
        }
        let hasDate = request.headers.contains(name: "x-amz-date") || request.headers.contains(name: "date")
        let authorization: SigV4Authorization
        do {
            authorization = try SigV4Authorization.parse(
                header, hasDateHeader: hasDate, expectedService: KinesisAction.signingName)
        } catch {
            throw Self.kinesisError(error)
        }
        if let credentials {
            guard let credential = credentials[authorization.accessKeyId],
                credential.accepts(sessionToken: request.headers.first(name: "x-amz-security-token"))
            else {
                throw KinesisError(.unrecognizedClient, "The security token included in the request is invalid.")
            }
            let headers = request.headers.map { ($0.name, $0.value) }
            let signed = request.body.withUnsafeReadableBytes { body in
                SigV4Request(
                    method: request.method.rawValue, path: String(request.path), query: String(request.query),
                    headers: headers, body: body)
            }
            do {
                try SigV4Verifier.verify(
                    signed, authorization: authorization, secretAccessKey: credential.secretAccessKey,
                    nowMilliseconds: clock.nowMilliseconds())
            } catch {
                throw Self.kinesisError(error)
            }
        }
        return RequestContext(
            scope: StreamScope(account: accountId, region: authorization.region),
            accessKeyId: authorization.accessKeyId, requestId: requestId)
    }

    /// A signature refused in AWS's words, under the API's error codes.
    private static func kinesisError(_ error: SigV4Error) -> KinesisError {
        switch error.kind {
        case .incompleteSignature: KinesisError(.incompleteSignature, error.message)
        case .invalidSignature: KinesisError(.invalidSignature, error.message)
        }
    }
}
