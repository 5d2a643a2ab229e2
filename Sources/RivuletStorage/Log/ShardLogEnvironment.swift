import Logging

/// What every shard log of a store shares: the file system, the tunables, the index cache and the logger.
struct ShardLogEnvironment: Sendable {
    let fileSystem: any FileSystem
    let configuration: StoreConfiguration
    let indexCache: IndexCache
    let logger: Logger
}
