import Foundation

/// Shape checks for names and addresses in the configuration, so a mistake is reported at start rather than as a
/// connection or API error later.
enum EndpointValidation {
    /// `https://host[:port][/path]`, `http://...`, or a bare `host[:port]` (https assumed).
    static func isEndpoint(_ text: String) -> Bool {
        guard !text.contains(where: \.isWhitespace) else { return false }
        if text.contains("://") {
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
                scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty
            else { return false }
            return true
        }
        return isHostAndPort(text, portRequired: false)
    }

    /// A region name: lower-case letters, digits and dashes, e.g. `us-east-1` or a local name.
    static func isRegion(_ text: String) -> Bool {
        text.count <= 64
            && text.utf8.allSatisfy { isLowerLetter($0) || isDigit($0) || $0 == UInt8(ascii: "-") }
    }

    /// `host:port` with a port from 0 to 65535; an IPv6 host in brackets.
    static func isListenAddress(_ text: String) -> Bool {
        isHostAndPort(text, portRequired: true)
    }

    /// A Kinesis stream name (1 to 128 of `a-zA-Z0-9_.-`) or a stream ARN.
    static func isStreamName(_ text: String) -> Bool {
        if text.hasPrefix("arn:") {
            return text.count <= 2_048 && text.contains(":stream/") && !text.contains(where: \.isWhitespace)
        }
        return (1...128).contains(text.utf8.count)
            && text.utf8.allSatisfy { isLetter($0) || isDigit($0) || "_.-".utf8.contains($0) }
    }

    private static func isHostAndPort(_ text: String, portRequired: Bool) -> Bool {
        let host: Substring
        let port: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return false }
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.isEmpty || rest.hasPrefix(":") else { return false }
            port = rest.isEmpty ? nil : rest.dropFirst()
            guard host.contains(":") else { return false }
        } else {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count <= 2 else { return false }
            host = parts[0]
            port = parts.count == 2 ? parts[1] : nil
            guard host.utf8.allSatisfy({ isLetter($0) || isDigit($0) || "-._".utf8.contains($0) })
            else { return false }
        }
        guard !host.isEmpty else { return false }
        guard let port else { return !portRequired }
        guard !port.isEmpty, port.count <= 5, port.utf8.allSatisfy(isDigit), let number = Int(port)
        else { return false }
        return number <= 65_535
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isLowerLetter(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        isLowerLetter(byte) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }
}
