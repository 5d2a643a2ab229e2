import RivuletCore

/// How the path enters the canonical request. Every service but S3 normalises the path (dot segments, empty
/// segments) and encodes it once more, so `%20` is signed as `%2520`; S3 signs the path exactly as sent.
public enum SigV4PathEncoding: Sendable, Equatable {
    case normalizedAndEncoded
    case asSent

    func canonicalURI(_ path: String) -> String {
        switch self {
        case .normalizedAndEncoded:
            PercentEncoding.encode(Self.normalize(path), keepingSlashes: true)
        case .asSent:
            path.isEmpty ? "/" : path
        }
    }

    /// RFC 3986's dot-segment removal, also dropping empty segments as AWS services other than S3 do:
    /// `/a//./b/../c/` becomes `/a/c/`.
    static func normalize(_ path: String) -> String {
        guard !path.isEmpty else { return "/" }
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) where segment != "." {
            if segment == ".." {
                _ = segments.popLast()
            } else {
                segments.append(segment)
            }
        }
        let leading = path.hasPrefix("/") ? "/" : ""
        let trailing = path.hasSuffix("/") && !segments.isEmpty ? "/" : ""
        return leading + segments.joined(separator: "/") + trailing
    }
}
