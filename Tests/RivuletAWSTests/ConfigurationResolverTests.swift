import Foundation
import Testing

@testable import RivuletAWS

/// Each test writes its own shared files into a fresh directory and passes an environment naming them; the
/// process's own environment is never read or changed.
@Suite struct ConfigurationResolverTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("rivulet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// An environment pointing at `credentials` and `config` files with the given contents.
    func environment(credentials: String = "", config: String = "", extra: [String: String] = [:]) throws
        -> [String: String]
    {
        var environment = [
            "AWS_SHARED_CREDENTIALS_FILE": try write("credentials", credentials),
            "AWS_CONFIG_FILE": try write("config", config),
        ]
        environment.merge(extra) { _, new in new }
        return environment
    }

    static let profiles = """
        [default]
        aws_access_key_id = DEFAULTKEY
        aws_secret_access_key = defaultsecret

        [staging]
        aws_access_key_id = STAGINGKEY
        aws_secret_access_key = stagingsecret
        aws_session_token = stagingtoken
        """

    static let environmentKeys = ["AWS_ACCESS_KEY_ID": "ENVKEY", "AWS_SECRET_ACCESS_KEY": "envsecret"]

    @Test func explicitCredentialsComeFirst() throws {
        let explicit = SigV4Credentials(accessKeyId: "FLAGKEY", secretAccessKey: "flagsecret")
        let resolver = ConfigurationResolver(
            environment: try environment(credentials: Self.profiles, extra: Self.environmentKeys))
        #expect(try resolver.credentials(explicit: explicit, profile: "staging") == explicit)
    }

    @Test func environmentComesBeforeTheDefaultProfile() throws {
        let resolver = ConfigurationResolver(
            environment: try environment(
                credentials: Self.profiles,
                extra: Self.environmentKeys.merging(["AWS_SESSION_TOKEN": "envtoken"]) { $1 }))
        #expect(
            try resolver.credentials()
                == SigV4Credentials(accessKeyId: "ENVKEY", secretAccessKey: "envsecret", sessionToken: "envtoken"))
    }

    @Test func environmentComesBeforeTheProfileNamedInTheEnvironment() throws {
        let resolver = ConfigurationResolver(
            environment: try environment(
                credentials: Self.profiles, extra: Self.environmentKeys.merging(["AWS_PROFILE": "staging"]) { $1 }))
        #expect(try resolver.credentials().accessKeyId == "ENVKEY")
    }

    @Test func anExplicitProfileOverridesEnvironmentKeys() throws {
        let resolver = ConfigurationResolver(
            environment: try environment(credentials: Self.profiles, extra: Self.environmentKeys))
        #expect(
            try resolver.credentials(profile: "staging")
                == SigV4Credentials(
                    accessKeyId: "STAGINGKEY", secretAccessKey: "stagingsecret", sessionToken: "stagingtoken"))
    }

    @Test func theProfileNamedInTheEnvironmentIsUsed() throws {
        let resolver = ConfigurationResolver(
            environment: try environment(credentials: Self.profiles, extra: ["AWS_PROFILE": "staging"]))
        #expect(try resolver.credentials().accessKeyId == "STAGINGKEY")
    }

    @Test func theDefaultProfileIsUsedLast() throws {
        let resolver = ConfigurationResolver(environment: try environment(credentials: Self.profiles))
        #expect(
            try resolver.credentials()
                == SigV4Credentials(accessKeyId: "DEFAULTKEY", secretAccessKey: "defaultsecret"))
    }

    @Test func theConfigFileMayHoldCredentials() throws {
        let config = """
            [profile tools]
            region = eu-central-1
            aws_access_key_id = CONFIGKEY
            aws_secret_access_key = configsecret
            """
        let resolver = ConfigurationResolver(environment: try environment(config: config))
        #expect(try resolver.credentials(profile: "tools").accessKeyId == "CONFIGKEY")
    }

    @Test func theCredentialsFileWinsOverTheConfigFile() throws {
        let config = """
            [default]
            aws_access_key_id = CONFIGKEY
            aws_secret_access_key = configsecret
            """
        let resolver = ConfigurationResolver(environment: try environment(credentials: Self.profiles, config: config))
        #expect(try resolver.credentials().accessKeyId == "DEFAULTKEY")
    }

    @Test func filesDefaultToTheHomeDirectory() throws {
        _ = try write(".aws/credentials", Self.profiles)
        _ = try write(".aws/config", "[profile staging]\nregion = ap-south-1\n")
        let resolver = ConfigurationResolver(environment: ["HOME": directory.path, "AWS_PROFILE": "staging"])
        #expect(try resolver.credentials().accessKeyId == "STAGINGKEY")
        #expect(try resolver.region() == "ap-south-1")
    }

    @Test func halfTheEnvironmentKeysIsAnError() throws {
        let resolver = ConfigurationResolver(
            environment: try environment(credentials: Self.profiles, extra: ["AWS_ACCESS_KEY_ID": "ENVKEY"]))
        #expect(
            throws: AWSConfigurationError.partialCredentials(
                source: "the environment", missing: "AWS_SECRET_ACCESS_KEY")
        ) {
            try resolver.credentials()
        }
    }

    @Test func halfAProfileIsAnError() throws {
        let environment = try environment(credentials: "[default]\naws_access_key_id = LONELY\n")
        let resolver = ConfigurationResolver(environment: environment)
        #expect(
            throws: AWSConfigurationError.partialCredentials(
                source: "profile 'default' in \(environment["AWS_SHARED_CREDENTIALS_FILE"]!)",
                missing: "aws_secret_access_key")
        ) {
            try resolver.credentials()
        }
    }

    @Test func aProfileAskedForByNameMustExist() throws {
        let environment = try environment(credentials: Self.profiles)
        let resolver = ConfigurationResolver(environment: environment)
        #expect(
            throws: AWSConfigurationError.profileNotFound(
                "production", credentialsFile: environment["AWS_SHARED_CREDENTIALS_FILE"]!,
                configFile: environment["AWS_CONFIG_FILE"]!)
        ) {
            try resolver.credentials(profile: "production")
        }
    }

    @Test func noCredentialsAnywhereSaysWhereToPutThem() throws {
        let environment = try environment()
        let resolver = ConfigurationResolver(environment: environment)
        let path = environment["AWS_SHARED_CREDENTIALS_FILE"]!
        #expect(throws: AWSConfigurationError.noCredentials(profile: "default", credentialsFile: path)) {
            try resolver.credentials()
        }
        #expect(
            AWSConfigurationError.noCredentials(profile: "default", credentialsFile: path).description
                == "no credentials found: pass them explicitly, set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, "
                + "or add aws_access_key_id and aws_secret_access_key to profile 'default' in \(path)")
    }

    @Test func missingFilesReadAsEmpty() throws {
        let resolver = ConfigurationResolver(environment: [
            "AWS_SHARED_CREDENTIALS_FILE": directory.appendingPathComponent("absent").path,
            "AWS_CONFIG_FILE": directory.appendingPathComponent("also-absent").path,
            "AWS_ACCESS_KEY_ID": "ENVKEY", "AWS_SECRET_ACCESS_KEY": "envsecret", "AWS_REGION": "us-west-2",
        ])
        #expect(try resolver.credentials().accessKeyId == "ENVKEY")
        #expect(try resolver.region() == "us-west-2")
    }

    @Test func regionPrecedence() throws {
        let config = "[default]\nregion = us-west-1\n[profile staging]\nregion = eu-west-3\n"
        let both = try environment(
            config: config, extra: ["AWS_REGION": "from-region", "AWS_DEFAULT_REGION": "from-default"])
        #expect(try ConfigurationResolver(environment: both).region(explicit: "flag-region") == "flag-region")
        #expect(try ConfigurationResolver(environment: both).region() == "from-region")

        let defaultOnly = try environment(config: config, extra: ["AWS_DEFAULT_REGION": "from-default"])
        #expect(try ConfigurationResolver(environment: defaultOnly).region() == "from-default")

        let emptyVariables = try environment(config: config, extra: ["AWS_REGION": "", "AWS_DEFAULT_REGION": ""])
        #expect(try ConfigurationResolver(environment: emptyVariables).region() == "us-west-1")
        #expect(try ConfigurationResolver(environment: emptyVariables).region(profile: "staging") == "eu-west-3")
    }

    @Test func noRegionAnywhereIsAnError() throws {
        let environment = try environment(credentials: Self.profiles)
        #expect(
            throws: AWSConfigurationError.noRegion(profile: "default", configFile: environment["AWS_CONFIG_FILE"]!)
        ) {
            try ConfigurationResolver(environment: environment).region()
        }
    }
}
