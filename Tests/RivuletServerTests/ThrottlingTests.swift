import NIOCore
import RivuletCore
import Testing

@testable import RivuletServer

@Suite struct ThrottlingTests {
    @Test func readDebtHoldsLaterReadsBack() {
        let limiter = ShardThroughputLimiter()
        let shard = ShardThroughputLimiter.Address(stream: StreamKey(account: "1", region: "r", name: "s"), shardIndex: 0)
        #expect(limiter.admitRead(shard, nowMilliseconds: 0))
        limiter.chargeRead(shard, bytes: 10 * 1024 * 1024, nowMilliseconds: 0)
        // 10 MiB against 2 MiB/s: the debt of 8 MiB takes four seconds to repay.
        #expect(!limiter.admitRead(shard, nowMilliseconds: 3_900))
        #expect(limiter.admitRead(shard, nowMilliseconds: 4_100))
    }

    @Test func writesAreLimitedByRecordsAndBytes() {
        let limiter = ShardThroughputLimiter()
        let shard = ShardThroughputLimiter.Address(stream: StreamKey(account: "1", region: "r", name: "s"), shardIndex: 0)
        var admitted = 0
        for _ in 0..<2_000 where limiter.admitWrite(shard, bytes: 10, nowMilliseconds: 0) { admitted += 1 }
        #expect(admitted == 1_000)
        let other = ShardThroughputLimiter.Address(stream: shard.stream, shardIndex: 1)
        #expect(limiter.admitWrite(other, bytes: 1_048_576, nowMilliseconds: 0))
        #expect(!limiter.admitWrite(other, bytes: 1, nowMilliseconds: 0))
    }

    @Test func faultRulesParse() throws {
        let rule = try FaultInjection.parseRule("PutRecords:record-error-rate=0.25,latency-ms=5,error=ServiceUnavailable")
        #expect(rule.action == .putRecords)
        #expect(rule.recordErrorRate == 0.25)
        #expect(rule.latencyMilliseconds == 5)
        #expect(rule.error == .serviceUnavailable)
        #expect(try FaultInjection.parseRule("*:error-rate=1").action == nil)
        for bad in ["PutRecords", "Nope:latency-ms=1", "*:error-rate=2", "*:record-error-rate=0.1", "*:speed=1",
                    "*:error=Whatever"] {
            #expect(throws: FaultInjectionError.self) { try FaultInjection.parseRule(bad) }
        }
    }
}
