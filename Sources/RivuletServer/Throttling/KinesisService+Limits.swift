import RivuletCore
import RivuletStorage

/// Where the handlers ask the optional limits and injected faults whether a record or a read may go ahead.
extension KinesisService {
    /// PutRecord's record: ProvisionedThroughputExceededException when its shard is over its write limit.
    func admitWrite(to shardIndex: Int, of stream: StreamDescriptor, bytes: Int) throws {
        guard let shardLimiter else { return }
        let address = ShardThroughputLimiter.Address(stream: stream.key, shardIndex: shardIndex)
        guard shardLimiter.admitWrite(address, bytes: bytes, nowMilliseconds: nowMilliseconds) else {
            metrics.recordThrottle(stream, shardIndex: shardIndex, metric: "WriteProvisionedThroughputExceeded")
            throw KinesisError(.provisionedThroughputExceeded, ShardThroughputLimiter.exceeded(address))
        }
    }

    /// One record of PutRecords: the shard's write limit, then any injected per-record failure.
    func admitRecordOfPutRecords(to shardIndex: Int, of stream: StreamDescriptor, bytes: Int) throws {
        try admitWrite(to: shardIndex, of: stream, bytes: bytes)
        if configuration.faultInjection.failsRecord() {
            throw KinesisError(
                .provisionedThroughputExceeded,
                ShardThroughputLimiter.exceeded(
                    ShardThroughputLimiter.Address(stream: stream.key, shardIndex: shardIndex)))
        }
    }

    /// A GetRecords call on the shard: its call rate and any read debt.
    func admitRead(of shardIndex: Int, in stream: StreamDescriptor) throws {
        guard let shardLimiter else { return }
        let address = ShardThroughputLimiter.Address(stream: stream.key, shardIndex: shardIndex)
        guard shardLimiter.admitRead(address, nowMilliseconds: nowMilliseconds) else {
            metrics.recordThrottle(stream, shardIndex: shardIndex, metric: "ReadProvisionedThroughputExceeded")
            throw KinesisError(.provisionedThroughputExceeded, ShardThroughputLimiter.exceeded(address))
        }
    }

    /// The bytes a GetRecords answer carried, against the shard's read limit.
    func chargeRead(of shardIndex: Int, in stream: StreamDescriptor, bytes: Int) {
        shardLimiter?.chargeRead(
            ShardThroughputLimiter.Address(stream: stream.key, shardIndex: shardIndex), bytes: bytes,
            nowMilliseconds: nowMilliseconds)
    }

    /// A GetShardIterator call on the shard.
    func admitIterator(of shardIndex: Int, in stream: StreamDescriptor) throws {
        guard let shardLimiter else { return }
        let address = ShardThroughputLimiter.Address(stream: stream.key, shardIndex: shardIndex)
        guard shardLimiter.admitIterator(address, nowMilliseconds: nowMilliseconds) else {
            throw KinesisError(.provisionedThroughputExceeded, ShardThroughputLimiter.exceeded(address))
        }
    }
}
