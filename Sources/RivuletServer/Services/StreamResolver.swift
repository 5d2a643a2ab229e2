import RivuletCore

/// Turns the StreamName / StreamARN pair the API accepts into a stream key in the caller's scope.
struct StreamResolver {
    /// Resolves a stream from its name, its ARN, or both (which must agree). An ARN names its own region and account;
    /// those must be the caller's, as a regional endpoint serves only its own region.
    static func key(streamName: String?, streamARN: String?, context: RequestContext) throws -> StreamKey {
        switch (streamName, streamARN) {
        case (nil, nil):
            throw KinesisError(.validation, "Either StreamName or StreamARN must be provided.")
        case (let name?, nil):
            return StreamKey(scope: context.scope, name: name)
        case (let name, let arn?):
            let key = try self.key(arn: arn, context: context)
            if let name, name != key.name {
                throw KinesisError(
                    .invalidArgument, "StreamARN \(arn) and StreamName \(name) do not refer to the same stream.")
            }
            return key
        }
    }

    /// Parses `arn:{partition}:kinesis:{region}:{account}:stream/{name}`.
    static func key(arn: String, context: RequestContext) throws -> StreamKey {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "kinesis", parts[5].hasPrefix("stream/") else {
            throw KinesisError(.invalidArgument, "Invalid StreamARN \(arn).")
        }
        let resource = parts[5].dropFirst("stream/".count)
        guard !resource.isEmpty, !resource.contains("/") else {
            throw KinesisError(.invalidArgument, "Invalid StreamARN \(arn).")
        }
        let region = String(parts[3])
        let account = String(parts[4])
        guard account == context.scope.account else {
            throw KinesisError(
                .accessDenied,
                "User: \(context.accessKeyId) is not authorized to access \(arn) from account \(context.scope.account).")
        }
        guard region == context.scope.region else {
            throw KinesisError(
                .resourceNotFound, "Stream \(resource) under account \(account) not found in region \(context.scope.region).")
        }
        return StreamKey(scope: context.scope, name: String(resource))
    }
}
