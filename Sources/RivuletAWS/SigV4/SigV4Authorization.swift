import RivuletCore

/// The parsed `Authorization` header of a SigV4-signed request:
///
///     AWS4-HMAC-SHA256 Credential=AKID/20261127/us-east-1/kinesis/aws4_request,
///         SignedHeaders=content-type;host;x-amz-date, Signature=5d67...
public struct SigV4Authorization: Sendable, Equatable {
    public var accessKeyId: String
    /// The date element of the credential scope, `yyyyMMdd`.
    public var date: String
    public var region: String
    public var service: String
    /// Lower-case header names, in the order the signer listed them.
    public var signedHeaders: [String]
    /// Lower-case hex.
    public var signature: String

    public init(
        accessKeyId: String, date: String, region: String, service: String, signedHeaders: [String],
        signature: String
    ) {
        self.accessKeyId = accessKeyId
        self.date = date
        self.region = region
        self.service = service
        self.signedHeaders = signedHeaders
        self.signature = signature
    }

    public var credentialScope: String { SigV4.credentialScope(date: date, region: region, service: service) }

    /// The header value that carries this authorization.
    public var headerValue: String {
        "\(SigV4.algorithm) Credential=\(accessKeyId)/\(credentialScope), "
            + "SignedHeaders=\(signedHeaders.joined(separator: ";")), Signature=\(signature)"
    }

    /// Parses an Authorization header, refusing it as AWS does, in AWS's order and words: missing parameters and a
    /// missing date header together, then an unsigned Host, the algorithm, the shape of the credential and its
    /// scope. What needs the request itself (the date's format and age, the signature) is `SigV4Verifier`'s.
    /// - Parameters:
    ///   - hasDateHeader: whether the request has an `X-Amz-Date` or a `Date` header.
    ///   - expectedService: the signing name of the service receiving the request, which the scope must name.
    public static func parse(_ header: String, hasDateHeader: Bool, expectedService: String) throws(SigV4Error)
        -> SigV4Authorization
    {
        let (algorithm, parameters) = split(header)
        var missing = ""
        for name in ["Credential", "Signature", "SignedHeaders"] where parameters[name] == nil {
            missing += "Authorization header requires '\(name)' parameter. "
        }
        if !hasDateHeader {
            missing += "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. "
        }
        guard missing.isEmpty, let credential = parameters["Credential"], let signature = parameters["Signature"],
            let signedHeaderList = parameters["SignedHeaders"]
        else {
            throw SigV4Error(.incompleteSignature, missing + "Authorization=" + header)
        }

        let signedHeaders = signedHeaderList.split(separator: ";").map { $0.lowercased() }
        guard signedHeaders.contains("host") else {
            throw SigV4Error(.invalidSignature, "'Host' must be a 'SignedHeader' in the AWS Authorization.")
        }
        guard algorithm == SigV4.algorithm else {
            throw SigV4Error(
                .incompleteSignature,
                "Unsupported AWS 'algorithm': '\(algorithm)' (only \(SigV4.algorithm) for now). ")
        }

        var trimmedCredential = Substring(credential)
        while trimmedCredential.hasSuffix("/") { trimmedCredential = trimmedCredential.dropLast() }
        let elements = trimmedCredential.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard elements.count == 5 else {
            throw SigV4Error(
                .incompleteSignature,
                "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, "
                    + "got '\(credential)'")
        }
        try checkScope(
            region: elements[2], service: elements[3], terminator: elements[4], expectedService: expectedService)
        return SigV4Authorization(
            accessKeyId: elements[0], date: elements[1], region: elements[2], service: elements[3],
            signedHeaders: signedHeaders, signature: signature)
    }

    /// The algorithm, then `name=value` parameters separated by commas or spaces. A parameter with an empty value
    /// counts as missing.
    private static func split(_ header: String) -> (algorithm: Substring, parameters: [String: String]) {
        let tokens = header.split(whereSeparator: { $0 == "," || $0 == " " })
        var parameters: [String: String] = [:]
        for token in tokens.dropFirst() {
            guard let equals = token.firstIndex(of: "=") else { continue }
            let value = token[token.index(after: equals)...]
            if !value.isEmpty { parameters[String(token[..<equals])] = String(value) }
        }
        return (tokens.first ?? "", parameters)
    }

    /// Every faulty element of the scope is named in one message, as AWS does.
    private static func checkScope(
        region: String, service: String, terminator: String, expectedService: String
    ) throws(SigV4Error) {
        var faults: [String] = []
        if !isPlausibleRegion(region) {
            faults.append("Credential should be scoped to a valid region, not '\(region)'.")
        }
        if service != expectedService {
            faults.append("Credential should be scoped to correct service: '\(expectedService)'.")
        }
        if terminator != SigV4.terminator {
            faults.append(
                "Credential should be scoped with a valid terminator: '\(SigV4.terminator)', not '\(terminator)'.")
        }
        guard faults.isEmpty else { throw SigV4Error(.invalidSignature, faults.joined(separator: " ")) }
    }

    /// Any name of lower-case letters, digits and inner hyphens: a self-hosted server has no fixed list of regions
    /// (`local` is common), but the region names a directory on disk, so nothing else gets through.
    private static func isPlausibleRegion(_ region: String) -> Bool {
        let bytes = region.utf8
        guard let first = bytes.first, let last = bytes.last, bytes.count <= Limits.regionLengthMax,
            first != UInt8(ascii: "-"), last != UInt8(ascii: "-")
        else { return false }
        return bytes.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-")
        }
    }
}
