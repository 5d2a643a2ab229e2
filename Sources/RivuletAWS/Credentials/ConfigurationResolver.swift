/// Finds credentials and a region the way AWS's command line tools do, from the first source that has them:
///
/// - credentials: explicit values; then, unless a profile was named explicitly, `AWS_ACCESS_KEY_ID`,
///   `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`; then the profile in the credentials file; then the profile
///   in the config file.
/// - region: an explicit value; then `AWS_REGION`; then `AWS_DEFAULT_REGION`; then the profile in the config file.
///
/// The profile is the one named explicitly, else `AWS_PROFILE`, else `default`. The environment is passed in, so
/// the process's own is read only by whoever chooses to pass it.
public struct ConfigurationResolver: Sendable {
    public var environment: [String: String]

    public init(environment: [String: String]) {
        self.environment = environment
    }

    public func credentials(explicit: SigV4Credentials? = nil, profile: String? = nil)
        throws(AWSConfigurationError) -> SigV4Credentials
    {
        if let explicit { return explicit }
        // A profile named on the command line is a deliberate choice; keys left in the environment must not
        // override it.
        if profile == nil, let fromEnvironment = try environmentCredentials() { return fromEnvironment }
        let files = try ProfileFiles.load(environment: environment)
        let name = try profileName(explicit: profile, in: files)
        if let section = files.credentialsSection(name),
            let found = try Self.credentials(in: section, source: "profile '\(name)' in \(files.credentialsPath)")
        {
            return found
        }
        if let section = files.configSection(name),
            let found = try Self.credentials(in: section, source: "profile '\(name)' in \(files.configPath)")
        {
            return found
        }
        throw .noCredentials(profile: name, credentialsFile: files.credentialsPath)
    }

    public func region(explicit: String? = nil, profile: String? = nil) throws(AWSConfigurationError) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let region = environment.nonEmpty("AWS_REGION") ?? environment.nonEmpty("AWS_DEFAULT_REGION") {
            return region
        }
        let files = try ProfileFiles.load(environment: environment)
        let name = try profileName(explicit: profile, in: files)
        if let region = files.configSection(name)?["region"], !region.isEmpty { return region }
        throw .noRegion(profile: name, configFile: files.configPath)
    }

    private func environmentCredentials() throws(AWSConfigurationError) -> SigV4Credentials? {
        let accessKeyId = environment.nonEmpty("AWS_ACCESS_KEY_ID")
        let secretAccessKey = environment.nonEmpty("AWS_SECRET_ACCESS_KEY")
        switch (accessKeyId, secretAccessKey) {
        case (nil, nil): return nil
        case (nil, _): throw .partialCredentials(source: "the environment", missing: "AWS_ACCESS_KEY_ID")
        case (_, nil): throw .partialCredentials(source: "the environment", missing: "AWS_SECRET_ACCESS_KEY")
        case (let accessKeyId?, let secretAccessKey?):
            return SigV4Credentials(
                accessKeyId: accessKeyId, secretAccessKey: secretAccessKey,
                sessionToken: environment.nonEmpty("AWS_SESSION_TOKEN"))
        }
    }

    /// A profile asked for by name must exist; the default profile may be absent, leaving the other sources.
    private func profileName(explicit: String?, in files: ProfileFiles) throws(AWSConfigurationError) -> String {
        guard let name = explicit ?? environment.nonEmpty("AWS_PROFILE") else { return "default" }
        guard files.contains(name) else {
            throw .profileNotFound(name, credentialsFile: files.credentialsPath, configFile: files.configPath)
        }
        return name
    }

    private static func credentials(in section: [String: String], source: String)
        throws(AWSConfigurationError) -> SigV4Credentials?
    {
        let accessKeyId = section["aws_access_key_id"].flatMap { $0.isEmpty ? nil : $0 }
        let secretAccessKey = section["aws_secret_access_key"].flatMap { $0.isEmpty ? nil : $0 }
        switch (accessKeyId, secretAccessKey) {
        case (nil, nil): return nil
        case (nil, _): throw .partialCredentials(source: source, missing: "aws_access_key_id")
        case (_, nil): throw .partialCredentials(source: source, missing: "aws_secret_access_key")
        case (let accessKeyId?, let secretAccessKey?):
            let sessionToken = section["aws_session_token"].flatMap { $0.isEmpty ? nil : $0 }
            return SigV4Credentials(
                accessKeyId: accessKeyId, secretAccessKey: secretAccessKey, sessionToken: sessionToken)
        }
    }
}
