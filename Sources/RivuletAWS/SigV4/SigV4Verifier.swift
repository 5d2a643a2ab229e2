import RivuletCore

/// Checks a signed request on the server, after `SigV4Authorization.parse` and after the access key has been found:
/// the signing time (its format, and that it is within `Limits.clockSkewSecondsMax` of now), that the scope's
/// date is the signing date, and then the signature itself, recomputed from the request and the secret.
public enum SigV4Verifier {
    public static func verify(
        _ request: SigV4Request, authorization: SigV4Authorization, secretAccessKey: String, nowMilliseconds: Int64,
        pathEncoding: SigV4PathEncoding = .normalizedAndEncoded
    ) throws(SigV4Error) {
        let timestamp = try signingTime(of: request)
        try checkWindow(timestamp, now: SigV4Timestamp(epochMilliseconds: nowMilliseconds))
        guard authorization.date == timestamp.scopeDate else {
            throw SigV4Error(
                .invalidSignature,
                "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
                    + "'\(authorization.date)' != '\(timestamp.scopeDate)', from '\(timestamp.basicFormat)'.")
        }

        let canonicalRequest = SigV4CanonicalRequest(
            request, signedHeaders: authorization.signedHeaders, pathEncoding: pathEncoding)
        let stringToSign = canonicalRequest.stringToSign(
            timestamp: timestamp, credentialScope: authorization.credentialScope)
        let signingKey = SigV4.signingKey(
            secretAccessKey: secretAccessKey, date: authorization.date, region: authorization.region,
            service: authorization.service)
        let expected = SigV4.signature(stringToSign: stringToSign, signingKey: signingKey)
        guard constantTimeEquals(expected, authorization.signature) else {
            // AWS shows what it signed, so a client author can find which part of the request differs.
            throw SigV4Error(
                .invalidSignature,
                "The request signature we calculated does not match the signature you provided. Check your AWS "
                    + "Secret Access Key and signing method. Consult the service documentation for details.\n\n"
                    + "The Canonical String for this request should have been\n'\(canonicalRequest.text)'\n\n"
                    + "The String-to-Sign should have been\n'\(stringToSign)'\n")
        }
    }

    /// `X-Amz-Date` when present, else `Date`; either must parse.
    static func signingTime(of request: SigV4Request) throws(SigV4Error) -> SigV4Timestamp {
        if let amazonDate = request.value(of: "x-amz-date") {
            guard let timestamp = SigV4Timestamp(basicFormat: amazonDate) else { throw badDate(amazonDate) }
            return timestamp
        }
        if let httpDate = request.value(of: "date") {
            guard let timestamp = SigV4Timestamp(httpDate: httpDate) else { throw badDate(httpDate) }
            return timestamp
        }
        throw SigV4Error(
            .incompleteSignature,
            "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.")
    }

    private static func badDate(_ text: String) -> SigV4Error {
        SigV4Error(
            .incompleteSignature,
            "Date must be in ISO-8601 'basic format'. Got '\(text)'. See http://en.wikipedia.org/wiki/ISO_8601")
    }

    /// A signature is good for a limited time either side of the server's clock, which bounds how long a captured
    /// request can be replayed.
    private static func checkWindow(_ timestamp: SigV4Timestamp, now: SigV4Timestamp) throws(SigV4Error) {
        let skew = Limits.clockSkewSecondsMax
        let minutes = skew / 60
        let earliest = now.adding(seconds: -skew)
        let latest = now.adding(seconds: skew)
        if timestamp < earliest {
            throw SigV4Error(
                .invalidSignature,
                "Signature expired: \(timestamp) is now earlier than \(earliest) (\(now) - \(minutes) min.)")
        }
        if timestamp > latest {
            throw SigV4Error(
                .invalidSignature,
                "Signature not yet current: \(timestamp) is still later than \(latest) (\(now) + \(minutes) min.)")
        }
    }

    /// Compares in time that depends only on the lengths, so the response time tells an attacker nothing about how
    /// many leading characters of a forged signature were right.
    static func constantTimeEquals(_ left: String, _ right: String) -> Bool {
        let leftBytes = Array(left.utf8)
        let rightBytes = Array(right.utf8)
        guard leftBytes.count == rightBytes.count else { return false }
        var difference: UInt8 = 0
        for index in leftBytes.indices {
            difference |= leftBytes[index] ^ rightBytes[index]
        }
        return difference == 0
    }
}
