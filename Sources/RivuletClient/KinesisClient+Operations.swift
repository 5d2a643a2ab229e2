import RivuletWire

/// One method per operation the server supports, each a typed shorthand for `send(_:_:)`.
extension KinesisClient {
    /// Creates a stream; it is CREATING until its shards are ready.
    public func createStream(_ input: CreateStreamInput) async throws -> CreateStreamOutput {
        try await send(CreateStreamOperation.self, input)
    }

    /// Deletes a stream and every record in it.
    public func deleteStream(_ input: DeleteStreamInput) async throws -> DeleteStreamOutput {
        try await send(DeleteStreamOperation.self, input)
    }

    /// Describes a stream and a page of its shards.
    public func describeStream(_ input: DescribeStreamInput) async throws -> DescribeStreamOutput {
        try await send(DescribeStreamOperation.self, input)
    }

    /// Describes a stream without listing its shards.
    public func describeStreamSummary(_ input: DescribeStreamSummaryInput) async throws -> DescribeStreamSummaryOutput {
        try await send(DescribeStreamSummaryOperation.self, input)
    }

    /// Lists the streams of the account in the region, a page at a time.
    public func listStreams(_ input: ListStreamsInput = ListStreamsInput()) async throws -> ListStreamsOutput {
        try await send(ListStreamsOperation.self, input)
    }

    /// Lists a stream's shards, a page at a time.
    public func listShards(_ input: ListShardsInput) async throws -> ListShardsOutput {
        try await send(ListShardsOperation.self, input)
    }

    /// Writes one record.
    public func putRecord(_ input: PutRecordInput) async throws -> PutRecordOutput {
        try await send(PutRecordOperation.self, input)
    }

    /// Writes up to 500 records; each succeeds or fails on its own, so check `failedRecordCount`.
    public func putRecords(_ input: PutRecordsInput) async throws -> PutRecordsOutput {
        try await send(PutRecordsOperation.self, input)
    }

    /// Returns an iterator to start reading a shard from.
    public func getShardIterator(_ input: GetShardIteratorInput) async throws -> GetShardIteratorOutput {
        try await send(GetShardIteratorOperation.self, input)
    }

    /// Reads records from a shard iterator, and returns the iterator to read the next ones with.
    public func getRecords(_ input: GetRecordsInput) async throws -> GetRecordsOutput {
        try await send(GetRecordsOperation.self, input)
    }

    /// Keeps a stream's records longer.
    public func increaseStreamRetentionPeriod(_ input: IncreaseStreamRetentionPeriodInput) async throws
        -> IncreaseStreamRetentionPeriodOutput
    {
        try await send(IncreaseStreamRetentionPeriodOperation.self, input)
    }

    /// Keeps a stream's records for less time.
    public func decreaseStreamRetentionPeriod(_ input: DecreaseStreamRetentionPeriodInput) async throws
        -> DecreaseStreamRetentionPeriodOutput
    {
        try await send(DecreaseStreamRetentionPeriodOperation.self, input)
    }

    /// Adds or replaces tags of a stream.
    public func addTagsToStream(_ input: AddTagsToStreamInput) async throws -> AddTagsToStreamOutput {
        try await send(AddTagsToStreamOperation.self, input)
    }

    /// Lists a stream's tags, a page at a time.
    public func listTagsForStream(_ input: ListTagsForStreamInput) async throws -> ListTagsForStreamOutput {
        try await send(ListTagsForStreamOperation.self, input)
    }

    /// Removes tags from a stream.
    public func removeTagsFromStream(_ input: RemoveTagsFromStreamInput) async throws -> RemoveTagsFromStreamOutput {
        try await send(RemoveTagsFromStreamOperation.self, input)
    }

    /// Adds or replaces tags of a stream or consumer named by its ARN.
    public func tagResource(_ input: TagResourceInput) async throws -> TagResourceOutput {
        try await send(TagResourceOperation.self, input)
    }

    /// Removes tags from a stream or consumer named by its ARN.
    public func untagResource(_ input: UntagResourceInput) async throws -> UntagResourceOutput {
        try await send(UntagResourceOperation.self, input)
    }

    /// Lists the tags of a stream or consumer named by its ARN.
    public func listTagsForResource(_ input: ListTagsForResourceInput) async throws -> ListTagsForResourceOutput {
        try await send(ListTagsForResourceOperation.self, input)
    }

    /// Switches a stream between provisioned and on-demand capacity.
    public func updateStreamMode(_ input: UpdateStreamModeInput) async throws -> UpdateStreamModeOutput {
        try await send(UpdateStreamModeOperation.self, input)
    }

    /// Splits an open shard in two at a hash key; the stream is UPDATING until the children exist.
    public func splitShard(_ input: SplitShardInput) async throws -> SplitShardOutput {
        try await send(SplitShardOperation.self, input)
    }

    /// Merges two open shards with adjacent hash key ranges; the stream is UPDATING until the child exists.
    public func mergeShards(_ input: MergeShardsInput) async throws -> MergeShardsOutput {
        try await send(MergeShardsOperation.self, input)
    }

    /// Reshapes a provisioned stream to a number of equal shards (at most double or half the open ones per call).
    public func updateShardCount(_ input: UpdateShardCountInput) async throws -> UpdateShardCountOutput {
        try await send(UpdateShardCountOperation.self, input)
    }

    /// Reports the account's shard limit and usage.
    public func describeLimits(_ input: DescribeLimitsInput = DescribeLimitsInput()) async throws
        -> DescribeLimitsOutput
    {
        try await send(DescribeLimitsOperation.self, input)
    }
}
