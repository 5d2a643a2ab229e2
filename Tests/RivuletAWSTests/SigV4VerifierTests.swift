import RivuletCore
import Testing

@testable import RivuletAWS

@Suite struct SigV4VerifierTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    static let signingMilliseconds = SigV4SignerTests.signingMilliseconds
    static let signer = SigV4Signer(credentials: SigV4SignerTests.credentials, region: "us-east-1", service: "kinesis")

    /// A PutRecord request as the server would receive it from this module's signer.
    static func signedRequest(body: String = SigV4SignerTests.putRecordBody) -> SigV4Request {
        signer.sign(
            SigV4SignerTests.kinesisRequest(target: "Kinesis_20131202.PutRecord", body: body),
            host: "localhost:4567", nowMilliseconds: signingMilliseconds)
    }

    static func verify(_ request: SigV4Request, secret: String = secret, nowMilliseconds: Int64 = signingMilliseconds)
        throws(SigV4Error)
    {
        let authorization = try SigV4Authorization.parse(request.value(of: "authorization") ?? "", hasDateHeader: true, expectedService: "kinesis")
        try SigV4Verifier.verify(
            request, authorization: authorization, secretAccessKey: secret, nowMilliseconds: nowMilliseconds)
    }

    static func refusal(_ request: SigV4Request, secret: String = secret, nowMilliseconds: Int64 = signingMilliseconds)
        -> SigV4Error?
    {
        do {
            try verify(request, secret: secret, nowMilliseconds: nowMilliseconds)
            return nil
        } catch {
            return error
        }
    }

    @Test func acceptsWhatTheSignerSigned() throws {
        try Self.verify(Self.signedRequest())
    }

    /// Headers exactly as botocore 1.43 sent them for this request (see SigV4SignerTests for how).
    @Test func acceptsARequestBotocoreSigned() throws {
        let request = SigV4Request(
            method: "POST", path: "/", query: "",
            headers: [
                ("Host", "kinesis.us-east-1.amazonaws.com"),
                ("Content-Type", "application/x-amz-json-1.1"),
                ("X-Amz-Target", "Kinesis_20131202.PutRecord"),
                ("X-Amz-Date", "20261127T002500Z"),
                ("Content-Length", "69"),
                (
                    "Authorization",
                    "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261127/us-east-1/kinesis/aws4_request, "
                        + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, "
                        + "Signature=9ec3d66b4176c44751a50f67151b232be7754947c0d1f02f914858cc21538625"
                ),
            ],
            body: Array(SigV4SignerTests.putRecordBody.utf8))
        try Self.verify(request)
    }

    /// Given a `Date` header, botocore signs it instead of `X-Amz-Date`, still using the basic-format time in the
    /// string to sign. Headers as botocore 1.43 sent them.
    @Test func acceptsARequestDatedByTheDateHeader() throws {
        let request = SigV4Request(
            method: "POST", path: "/", query: "",
            headers: [
                ("Host", "localhost:4567"),
                ("Content-Type", "application/x-amz-json-1.1"),
                ("X-Amz-Target", "Kinesis_20131202.DescribeStream"),
                ("Date", "Fri, 27 Nov 2026 00:25:00 -0000"),
                (
                    "Authorization",
                    "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261127/us-east-1/kinesis/aws4_request, "
                        + "SignedHeaders=content-type;date;host;x-amz-target, "
                        + "Signature=7cf2d3c1cfdd86ed954d6967c26ac9addcaa9e711afa24c1267bd2582bd4cf58"
                ),
            ],
            body: Array(#"{"StreamName":"orders"}"#.utf8))
        try Self.verify(request)
    }

    @Test func detectsAChangedBody() {
        let signed = Self.signedRequest()
        var tampered = Self.signedRequest(body: SigV4SignerTests.putRecordBody.replacingOccurrences("orders", "orderz"))
        tampered.headers = signed.headers

        let refusal = Self.refusal(tampered)
        #expect(refusal?.kind == .invalidSignature)
        #expect(
            refusal?.message.hasPrefix(
                "The request signature we calculated does not match the signature you provided. Check your AWS "
                    + "Secret Access Key and signing method. Consult the service documentation for details.\n\n"
                    + "The Canonical String for this request should have been\n'POST\n/\n") == true)
    }

    @Test func detectsAChangedSignedHeader() {
        var request = Self.signedRequest()
        request.setHeader("X-Amz-Target", "Kinesis_20131202.DeleteStream")
        #expect(Self.refusal(request)?.kind == .invalidSignature)
    }

    @Test func ignoresAnUnsignedHeader() throws {
        var request = Self.signedRequest()
        request.setHeader("User-Agent", "changed by a proxy")
        try Self.verify(request)
    }

    @Test func detectsAChangedPathOrQuery() {
        var path = Self.signedRequest()
        path.path = "/other"
        var query = Self.signedRequest()
        query.query = "a=1"
        #expect(Self.refusal(path)?.kind == .invalidSignature)
        #expect(Self.refusal(query)?.kind == .invalidSignature)
    }

    @Test func detectsAWrongSecret() {
        #expect(Self.refusal(Self.signedRequest(), secret: "not-the-secret")?.kind == .invalidSignature)
    }

    @Test func detectsAForgedSignature() throws {
        let request = Self.signedRequest()
        var authorization = try SigV4Authorization.parse(request.value(of: "authorization")!, hasDateHeader: true, expectedService: "kinesis")
        authorization.signature = String(authorization.signature.reversed())
        #expect(throws: SigV4Error.self) {
            try SigV4Verifier.verify(
                request, authorization: authorization, secretAccessKey: Self.secret,
                nowMilliseconds: Self.signingMilliseconds)
        }
    }

    @Test func acceptsClockSkewUpToFifteenMinutesEitherWay() throws {
        let fifteenMinutes: Int64 = 15 * 60 * 1000
        try Self.verify(Self.signedRequest(), nowMilliseconds: Self.signingMilliseconds + fifteenMinutes)
        try Self.verify(Self.signedRequest(), nowMilliseconds: Self.signingMilliseconds - fifteenMinutes)
    }

    @Test func refusesAnExpiredSignature() {
        // Signed at 00:25:00, checked at 00:40:01.
        #expect(
            Self.refusal(Self.signedRequest(), nowMilliseconds: Self.signingMilliseconds + 901_000)
                == SigV4Error(
                    .invalidSignature,
                    "Signature expired: 20261127T002500Z is now earlier than 20261127T002501Z "
                        + "(20261127T004001Z - 15 min.)"))
    }

    @Test func refusesASignatureFromTheFuture() {
        // Signed at 00:25:00, checked at 00:09:59.
        #expect(
            Self.refusal(Self.signedRequest(), nowMilliseconds: Self.signingMilliseconds - 901_000)
                == SigV4Error(
                    .invalidSignature,
                    "Signature not yet current: 20261127T002500Z is still later than 20261127T002459Z "
                        + "(20261127T000959Z + 15 min.)"))
    }

    @Test func refusesAScopeDatedAnotherDay() throws {
        var request = Self.signedRequest()
        let header = request.value(of: "authorization")!.replacingOccurrences("/20261127/", "/20261126/")
        request.setHeader("authorization", header)
        #expect(
            Self.refusal(request)
                == SigV4Error(
                    .invalidSignature,
                    "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
                        + "'20261126' != '20261127', from '20261127T002500Z'."))
    }

    @Test func refusesADateThatIsNotBasicFormat() {
        var request = Self.signedRequest()
        request.setHeader("x-amz-date", "2026-11-27T00:25:00Z")
        #expect(
            Self.refusal(request)
                == SigV4Error(
                    .incompleteSignature,
                    "Date must be in ISO-8601 'basic format'. Got '2026-11-27T00:25:00Z'. "
                        + "See http://en.wikipedia.org/wiki/ISO_8601"))
    }

    @Test func comparesSignaturesExactly() {
        #expect(SigV4Verifier.constantTimeEquals("abc", "abc"))
        #expect(!SigV4Verifier.constantTimeEquals("abc", "abd"))
        #expect(!SigV4Verifier.constantTimeEquals("abc", "abcd"))
        #expect(!SigV4Verifier.constantTimeEquals("abc", "ABC"))
    }
}
