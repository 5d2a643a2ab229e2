import Foundation
import Testing

@testable import RivuletAWS

/// The signer and the verifier against what AWS published: its SigV4 test suite (any service) and the worked
/// examples of S3's documentation. Each case checks the canonical request, the string to sign and the signature,
/// both as the parts compute them and as `SigV4Signer.sign` puts them together from the whole request.
@Suite struct SigV4PublishedVectorTests {
    // MARK: The test suite

    @Test(arguments: SigV4TestSuite.cases.map(\.name))
    func testSuiteCase(_ name: String) throws {
        let vector = try #require(SigV4TestSuite.cases.first { $0.name == name })
        let request = try RawRequest(vector.request)
        let signable = SigV4Request(
            method: request.method, path: request.path, query: request.query, headers: request.headers,
            body: request.body)
        let authorization = try SigV4Authorization.parse(
            vector.authorization, hasDateHeader: true, expectedService: SigV4TestSuite.service)
        let canonical = SigV4CanonicalRequest(signable, signedHeaders: authorization.signedHeaders)
        #expect(canonical.text == vector.canonicalRequest)
        let timestamp = try #require(SigV4Timestamp(basicFormat: "20150830T123600Z"))
        #expect(
            canonical.stringToSign(timestamp: timestamp, credentialScope: authorization.credentialScope)
                == vector.stringToSign)

        // The signer, given the request, chooses the same headers and writes the same Authorization.
        let signer = SigV4Signer(
            credentials: SigV4Credentials(
                accessKeyId: SigV4TestSuite.accessKeyId, secretAccessKey: SigV4TestSuite.secretAccessKey,
                sessionToken: signable.value(of: "x-amz-security-token")),
            region: SigV4TestSuite.region, service: SigV4TestSuite.service)
        let signed = signer.sign(
            signable, host: try #require(signable.value(of: "host")),
            nowMilliseconds: timestamp.epochSeconds * 1000)
        #expect(signed.value(of: "authorization") == vector.authorization)

        // And the verifier accepts the published signature at its time.
        try SigV4Verifier.verify(
            signable, authorization: authorization, secretAccessKey: SigV4TestSuite.secretAccessKey,
            nowMilliseconds: timestamp.epochSeconds * 1000)
    }

    @Test func theSuiteIsThereWhole() {
        #expect(SigV4TestSuite.cases.count >= 28)
        #expect(Set(SigV4TestSuite.cases.map(\.name)).count == SigV4TestSuite.cases.count)
    }

    // MARK: S3's examples

    @Test(arguments: S3SigningExamples.examples.map(\.name))
    func s3Example(_ name: String) throws {
        let example = try #require(S3SigningExamples.examples.first { $0.name == name })
        let timestamp = try #require(SigV4Timestamp(basicFormat: S3SigningExamples.timestamp))
        let headers = example.headers.map { (name: $0.name, value: $0.value) }
        let request = SigV4Request(
            method: example.method, path: example.path, query: example.query, headers: headers,
            payloadHash: example.payloadHash)
        let signedHeaders = example.headers.map { $0.name.lowercased() }.sorted()
        let canonical = SigV4CanonicalRequest(request, signedHeaders: signedHeaders, pathEncoding: .asSent)
        #expect(canonical.text == example.canonicalRequest)
        let scope = SigV4.credentialScope(date: timestamp.scopeDate, region: S3SigningExamples.region, service: "s3")
        #expect(canonical.stringToSign(timestamp: timestamp, credentialScope: scope) == example.stringToSign)

        // The S3 signer sends the payload hash itself and signs the path as sent.
        let withoutHashHeader = request.headers.filter { $0.name.lowercased() != SigV4.contentHashHeader }
        let signer = SigV4Signer.s3(
            credentials: SigV4Credentials(
                accessKeyId: S3SigningExamples.accessKeyId, secretAccessKey: S3SigningExamples.secretAccessKey),
            region: S3SigningExamples.region)
        let signed = signer.sign(
            SigV4Request(
                method: example.method, path: example.path, query: example.query, headers: withoutHashHeader,
                payloadHash: example.payloadHash),
            host: "examplebucket.s3.amazonaws.com", nowMilliseconds: timestamp.epochSeconds * 1000)
        #expect(signed.value(of: SigV4.contentHashHeader) == example.payloadHash)
        let authorization = try SigV4Authorization.parse(
            try #require(signed.value(of: "authorization")), hasDateHeader: true, expectedService: "s3")
        #expect(authorization.signature == example.signature)
        #expect(authorization.signedHeaders == signedHeaders)
    }

    @Test func anUnsignedPayloadIsSignedAsTheLiteralAndSentAlong() throws {
        let signer = SigV4Signer.s3(
            credentials: SigV4Credentials(accessKeyId: "AKID", secretAccessKey: "secret"), region: "eu-west-1")
        let request = SigV4Request(
            method: "PUT", path: "/bucket/key", query: "", headers: [], payloadHash: SigV4.unsignedPayload)
        let signed = signer.sign(request, host: "127.0.0.1:5000", nowMilliseconds: 1_700_000_000_000)
        #expect(signed.value(of: SigV4.contentHashHeader) == "UNSIGNED-PAYLOAD")
        let authorization = try SigV4Authorization.parse(
            try #require(signed.value(of: "authorization")), hasDateHeader: true, expectedService: "s3")
        try SigV4Verifier.verify(
            signed, authorization: authorization, secretAccessKey: "secret", nowMilliseconds: 1_700_000_000_000,
            pathEncoding: .asSent)
        let canonical = SigV4CanonicalRequest(signed, signedHeaders: authorization.signedHeaders, pathEncoding: .asSent)
        #expect(canonical.text.hasSuffix("\nUNSIGNED-PAYLOAD"))
    }
}

/// A request as the test suite writes it: request line, `Name:value` headers (a line starting with white space
/// continues the header above as another value), a blank line and the body.
struct RawRequest {
    struct Malformed: Error {}

    var method: String
    var path: String
    var query: String
    var headers: [(name: String, value: String)] = []
    var body: [UInt8] = []

    init(_ text: String) throws {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let requestLine = lines.popFirst(), let firstSpace = requestLine.firstIndex(of: " "),
            let versionStart = requestLine.range(of: " HTTP/", options: .backwards)?.lowerBound
        else { throw Malformed() }
        method = String(requestLine[..<firstSpace])
        let target = requestLine[requestLine.index(after: firstSpace)..<versionStart]
        if let mark = target.firstIndex(of: "?") {
            path = String(target[..<mark])
            query = String(target[target.index(after: mark)...])
        } else {
            path = String(target)
            query = ""
        }
        while let line = lines.popFirst() {
            if line.isEmpty {
                body = Array(lines.joined(separator: "\n").utf8)
                return
            }
            if line.first == " " || line.first == "\t", let last = headers.last {
                headers.append((last.name, line.trimmingCharacters(in: .whitespaces)))
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { throw Malformed() }
            headers.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
        }
    }
}
