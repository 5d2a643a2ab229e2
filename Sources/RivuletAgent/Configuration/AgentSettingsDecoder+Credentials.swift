/// Credentials: a key pair in the file, or nothing and the default chain. Role assumption and custom providers
/// (Java classes) have no equivalent here, and are refused rather than ignored: ignoring them would send with
/// other credentials than the ones the file names.
extension AgentSettingsDecoder {
    static let assumeRoleUnsupported =
        "is not supported; give awsAccessKeyId and awsSecretAccessKey or use the default credential chain"
    static let credentialsProviderUnsupported =
        "is not supported (it loads a Java class); give awsAccessKeyId and awsSecretAccessKey or use the default "
        + "credential chain"

    static func readCredentials(
        _ reader: inout ConfigurationObjectReader, into configuration: inout AgentConfiguration
    ) {
        let accessKeyId = reader.string("awsAccessKeyId")
        let secretAccessKey = reader.string("awsSecretAccessKey")
        let sessionToken = reader.string("awsSessionToken")
        switch (accessKeyId, secretAccessKey) {
        case (let keyId?, let secret?):
            configuration.accessKeyId = keyId
            configuration.secretAccessKey = secret
            configuration.sessionToken = sessionToken
        case (.some, nil):
            reader.reportWithoutValue(
                "awsSecretAccessKey", "is required when awsAccessKeyId is given (give both or neither)")
        case (nil, .some):
            reader.reportWithoutValue(
                "awsAccessKeyId", "is required when awsSecretAccessKey is given (give both or neither)")
        case (nil, nil):
            if sessionToken != nil {
                reader.reportWithoutValue("awsSessionToken", "is used only with awsAccessKeyId and awsSecretAccessKey")
            }
        }
        for key in ["assumeRoleARN", "assumeRoleExternalId"] where reader.string(key) != nil {
            reader.report(key, assumeRoleUnsupported)
        }
        for key in ["userDefinedCredentialsProvider.classname", "userDefinedCredentialsProvider.location"]
        where reader.string(key) != nil {
            reader.report(key, credentialsProviderUnsupported)
        }
    }
}
