import RivuletClient
import RivuletWire

/// Reads a stream's open shards with ListShards, page by page.
struct ShardMapLoader: Sendable {
    let client: any KinesisDataPlane
    let streamName: String

    func load() async throws -> ShardMap {
        var shards: [Shard] = []
        var output = try await client.listShards(
            ListShardsInput(streamName: streamName, maxResults: ProducerLimits.listShardsPageSize))
        shards += output.shards ?? []
        var pages = 1
        while let token = output.nextToken, !token.isEmpty {
            guard pages < ProducerLimits.listShardsPagesMax else {
                throw KinesisClientError.unexpectedResponse(
                    httpStatus: 200, requestId: nil,
                    detail: "ListShards did not finish within \(ProducerLimits.listShardsPagesMax) pages")
            }
            // A page after the first names the stream through its token only.
            output = try await client.listShards(
                ListShardsInput(nextToken: token, maxResults: ProducerLimits.listShardsPageSize))
            shards += output.shards ?? []
            pages += 1
        }
        return ShardMap(shards: shards)
    }
}
