import ArgumentParser
import RivuletWire

struct DescribeLimitsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe-limits",
        abstract: "Show the account's shard and on-demand stream limits and how much of them is used.",
        discussion: "Counts cover the account in the region: open shards of every stream, and on-demand streams.")

    @OptionGroup var options: AdminOptions

    func run() async throws {
        try await AdminSession.run(options) { session in
            session.print(try await session.client.describeLimits()) { response in
                TextTable.fields([
                    ("ShardLimit", "\(response.shardLimit)"),
                    ("OpenShardCount", "\(response.openShardCount)"),
                    ("OnDemandStreamCountLimit", "\(response.onDemandStreamCountLimit)"),
                    ("OnDemandStreamCount", "\(response.onDemandStreamCount)"),
                ]).render()
            }
        }
    }
}
