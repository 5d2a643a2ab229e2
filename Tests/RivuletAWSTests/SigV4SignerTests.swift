import RivuletCore
import Testing

@testable import RivuletAWS

/// The expected values were produced once with botocore 1.43 (the AWS CLI's signer): an `AWSRequest` with the same
/// URL, headers and body, signed by `botocore.auth.SigV4Auth(credentials, "kinesis", region).add_auth` with
/// `botocore.auth.get_current_datetime` patched to the instant below.
@Suite struct SigV4SignerTests {
    static let credentials = SigV4Credentials(
        accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    static let putRecordBody = #"{"StreamName":"orders","Data":"aGVsbG8=","PartitionKey":"customer-7"}"#
    /// 2026-11-27T00:25:00Z.
    static let signingMilliseconds: Int64 = 1_795_739_100_000

    static func kinesisRequest(target: String, body: String) -> SigV4Request {
        SigV4Request(
            method: "POST", path: "/", query: "",
            headers: [("Content-Type", "application/x-amz-json-1.1"), ("X-Amz-Target", target)],
            body: Array(body.utf8))
    }

    @Test func signsAsBotocoreDoes() {
        let signer = SigV4Signer(credentials: Self.credentials, region: "us-east-1", service: "kinesis")
        let signed = signer.sign(
            Self.kinesisRequest(target: "Kinesis_20131202.PutRecord", body: Self.putRecordBody),
            host: "kinesis.us-east-1.amazonaws.com", nowMilliseconds: Self.signingMilliseconds)

        #expect(signed.value(of: "x-amz-date") == "20261127T002500Z")
        #expect(signed.value(of: "host") == "kinesis.us-east-1.amazonaws.com")
        #expect(
            signed.value(of: "authorization")
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261127/us-east-1/kinesis/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, "
                + "Signature=9ec3d66b4176c44751a50f67151b232be7754947c0d1f02f914858cc21538625")
        #expect(signed.value(of: "x-amz-security-token") == nil)
    }

    @Test func canonicalRequestAndStringToSignMatchBotocore() {
        var request = Self.kinesisRequest(target: "Kinesis_20131202.PutRecord", body: Self.putRecordBody)
        request.setHeader("host", "kinesis.us-east-1.amazonaws.com")
        request.setHeader("x-amz-date", "20261127T002500Z")
        let canonical = SigV4CanonicalRequest(
            request, signedHeaders: ["content-type", "host", "x-amz-date", "x-amz-target"])

        #expect(
            canonical.text == """
                POST
                /

                content-type:application/x-amz-json-1.1
                host:kinesis.us-east-1.amazonaws.com
                x-amz-date:20261127T002500Z
                x-amz-target:Kinesis_20131202.PutRecord

                content-type;host;x-amz-date;x-amz-target
                4cc70856655e549221ade592d661d2a47008d8a315fc47a0ff6c20fea6f09aa7
                """)
        let stringToSign = canonical.stringToSign(
            timestamp: SigV4Timestamp(epochMilliseconds: Self.signingMilliseconds),
            credentialScope: "20261127/us-east-1/kinesis/aws4_request")
        #expect(
            stringToSign == """
                AWS4-HMAC-SHA256
                20261127T002500Z
                20261127/us-east-1/kinesis/aws4_request
                62fa5f5c7566a9924a731772db9156b9e44167de329d86d73f32f93a0ac73fe6
                """)
    }

    @Test func sessionCredentialsSignTheirToken() {
        var credentials = Self.credentials
        credentials.sessionToken = "FQoGZXIvYXdzEXAMPLETOKEN"
        let signer = SigV4Signer(credentials: credentials, region: "eu-west-1", service: "kinesis")
        let signed = signer.sign(
            Self.kinesisRequest(target: "Kinesis_20131202.ListStreams", body: "{}"),
            host: "127.0.0.1:4567",
            nowMilliseconds: 1_772_323_199_000)  // 2026-02-28T23:59:59Z

        #expect(signed.value(of: "x-amz-security-token") == "FQoGZXIvYXdzEXAMPLETOKEN")
        #expect(
            signed.value(of: "authorization")
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260228/eu-west-1/kinesis/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, "
                + "Signature=dc7df26977b9b423fbef7cac39e8facee346c48729293848802cc56aa68344b3")
    }

    /// AWS's published test suite, case "get-vanilla" (also what botocore computes for it).
    @Test func matchesTheGetVanillaTestVector() {
        let signer = SigV4Signer(credentials: Self.credentials, region: "us-east-1", service: "service")
        let request = SigV4Request(method: "GET", path: "/", query: "", headers: [], body: [])
        let signed = signer.sign(
            request, host: "example.amazonaws.com",
            nowMilliseconds: 1_440_938_160_000)  // 2015-08-30T12:36:00Z

        #expect(
            signed.value(of: "authorization")
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                + "SignedHeaders=host;x-amz-date, "
                + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
    }

    @Test func resigningReplacesTheEarlierSignature() {
        let signer = SigV4Signer(credentials: Self.credentials, region: "us-east-1", service: "kinesis")
        let request = Self.kinesisRequest(target: "Kinesis_20131202.PutRecord", body: Self.putRecordBody)
        let first = signer.sign(request, host: "localhost:4567", nowMilliseconds: Self.signingMilliseconds)
        let again = signer.sign(first, host: "localhost:4567", nowMilliseconds: Self.signingMilliseconds + 60_000)

        #expect(again.values(of: "authorization").count == 1)
        #expect(again.values(of: "x-amz-date") == ["20261127T002600Z"])
        #expect(again.value(of: "authorization") != first.value(of: "authorization"))
        #expect(
            again.value(of: "authorization")?.contains("SignedHeaders=content-type;host;x-amz-date;x-amz-target,")
                == true)
    }

    @Test func hopByHopAndUserAgentHeadersAreNotSigned() {
        let signer = SigV4Signer(credentials: Self.credentials, region: "us-east-1", service: "kinesis")
        var request = Self.kinesisRequest(target: "Kinesis_20131202.PutRecord", body: "{}")
        request.headers += [("User-Agent", "rivulet"), ("Connection", "keep-alive"), ("X-Amzn-Trace-Id", "Root=1")]
        let signed = signer.sign(request, host: "localhost", nowMilliseconds: Self.signingMilliseconds)

        #expect(
            signed.value(of: "authorization")?.contains("SignedHeaders=content-type;host;x-amz-date;x-amz-target,")
                == true)
    }
}
