import NIOSSL

/// The server's certificate and key, loaded once at start. The TLS context offers `h2` and `http/1.1` by ALPN, so
/// clients that insist on HTTPS (the KPL) and HTTP/2 (the AWS SDK for Java) both connect.
public struct TLSSettings: Sendable {
    let context: NIOSSLContext

    /// Loads a PEM certificate chain and its PEM private key.
    public init(certificatePath: String, keyPath: String) throws {
        let chain = try NIOSSLCertificate.fromPEMFile(certificatePath)
        let key = try NIOSSLPrivateKey(file: keyPath, format: .pem)
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.applicationProtocols = ["h2", "http/1.1"]
        context = try NIOSSLContext(configuration: configuration)
    }
}
