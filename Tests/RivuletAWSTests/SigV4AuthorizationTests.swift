import RivuletCore
import Testing

@testable import RivuletAWS

@Suite struct SigV4AuthorizationTests {
    static let valid =
        "AWS4-HMAC-SHA256 Credential=AKID/20261127/us-east-1/kinesis/aws4_request, "
        + "SignedHeaders=host;x-amz-date, Signature=abc123"

    static func refusal(_ header: String, hasDateHeader: Bool = true) -> SigV4Error? {
        do {
            _ = try SigV4Authorization.parse(header, hasDateHeader: hasDateHeader, expectedService: "kinesis")
            return nil
        } catch {
            return error
        }
    }

    @Test func parsesEveryPart() throws {
        let authorization = try SigV4Authorization.parse(Self.valid, hasDateHeader: true, expectedService: "kinesis")
        #expect(
            authorization
                == SigV4Authorization(
                    accessKeyId: "AKID", date: "20261127", region: "us-east-1", service: "kinesis",
                    signedHeaders: ["host", "x-amz-date"], signature: "abc123"))
        #expect(authorization.credentialScope == "20261127/us-east-1/kinesis/aws4_request")
        #expect(authorization.headerValue == Self.valid)
    }

    @Test func acceptsCommasWithoutSpacesAndUpperCaseHeaderNames() throws {
        let header =
            "AWS4-HMAC-SHA256 Credential=AKID/20261127/local/kinesis/aws4_request/,SignedHeaders=Host;X-Amz-Date,"
            + "Signature=abc123"
        let authorization = try SigV4Authorization.parse(header, hasDateHeader: true, expectedService: "kinesis")
        #expect(authorization.region == "local")
        #expect(authorization.signedHeaders == ["host", "x-amz-date"])
    }

    @Test func namesEveryMissingParameterAndTheMissingDate() {
        #expect(
            Self.refusal("AWS4-HMAC-SHA256", hasDateHeader: false)
                == SigV4Error(
                    .incompleteSignature,
                    "Authorization header requires 'Credential' parameter. "
                        + "Authorization header requires 'Signature' parameter. "
                        + "Authorization header requires 'SignedHeaders' parameter. "
                        + "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. "
                        + "Authorization=AWS4-HMAC-SHA256"))
    }

    @Test func anEmptyParameterCountsAsMissing() {
        let header =
            "AWS4-HMAC-SHA256 Credential=AKID/20261127/us-east-1/kinesis/aws4_request, "
            + "SignedHeaders=host, Signature="
        #expect(
            Self.refusal(header)
                == SigV4Error(
                    .incompleteSignature,
                    "Authorization header requires 'Signature' parameter. Authorization=\(header)"))
    }

    @Test func hostMustBeSigned() {
        let header = Self.valid.replacingOccurrences("SignedHeaders=host;x-amz-date", "SignedHeaders=x-amz-date")
        #expect(
            Self.refusal(header)
                == SigV4Error(.invalidSignature, "'Host' must be a 'SignedHeader' in the AWS Authorization."))
    }

    @Test func onlyOneAlgorithmIsSupported() {
        let header = Self.valid.replacingOccurrences("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA512")
        #expect(
            Self.refusal(header)
                == SigV4Error(
                    .incompleteSignature,
                    "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA512' (only AWS4-HMAC-SHA256 for now). "))
    }

    @Test func theCredentialNeedsFiveElements() {
        let header = Self.valid.replacingOccurrences("AKID/20261127/us-east-1/kinesis/aws4_request", "a/b/c/d")
        #expect(
            Self.refusal(header)
                == SigV4Error(
                    .incompleteSignature,
                    "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, "
                        + "got 'a/b/c/d'"))
    }

    @Test func namesEveryFaultOfTheScopeAtOnce() {
        let header = Self.valid.replacingOccurrences("us-east-1/kinesis/aws4_request", "US_EAST/dynamodb/aws4")
        #expect(
            Self.refusal(header)
                == SigV4Error(
                    .invalidSignature,
                    "Credential should be scoped to a valid region, not 'US_EAST'. "
                        + "Credential should be scoped to correct service: 'kinesis'. "
                        + "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws4'."))
    }

    @Test(arguments: ["", "-east", "east-", "..", String(repeating: "a", count: Limits.regionLengthMax + 1)])
    func refusesRegionsThatCouldNotNameADirectory(region: String) {
        let header = Self.valid.replacingOccurrences("/us-east-1/", "/\(region)/")
        #expect(Self.refusal(header)?.kind == .invalidSignature)
    }
}

extension String {
    /// Test shorthand: the string with every occurrence of `target` replaced.
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
