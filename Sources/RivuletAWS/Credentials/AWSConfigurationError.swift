/// Why a client could not be configured: the caller has to change something before any request can be made.
public enum AWSConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidEndpoint(String, reason: String)
    /// No source supplied credentials; `profile` is the profile that was looked in, `credentialsFile` its file.
    case noCredentials(profile: String, credentialsFile: String)
    /// A source supplied only some of what credentials need.
    case partialCredentials(source: String, missing: String)
    case noRegion(profile: String, configFile: String)
    /// A profile was asked for by name and is in neither file.
    case profileNotFound(String, credentialsFile: String, configFile: String)
    case unreadableFile(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidEndpoint(let endpoint, let reason):
            "invalid endpoint '\(endpoint)': \(reason)"
        case .noCredentials(let profile, let credentialsFile):
            "no credentials found: pass them explicitly, set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or add "
                + "aws_access_key_id and aws_secret_access_key to profile '\(profile)' in \(credentialsFile)"
        case .partialCredentials(let source, let missing):
            "incomplete credentials in \(source): \(missing) is missing"
        case .noRegion(let profile, let configFile):
            "no region found: pass one explicitly, set AWS_REGION or AWS_DEFAULT_REGION, or add region to profile "
                + "'\(profile)' in \(configFile)"
        case .profileNotFound(let profile, let credentialsFile, let configFile):
            "profile '\(profile)' not found in \(credentialsFile) or \(configFile)"
        case .unreadableFile(let path, let reason):
            "cannot read \(path): \(reason)"
        }
    }
}
