import RivuletCore
import Testing

@Suite struct TokenBucketTests {
    @Test func aBucketRefillsAtItsRateUpToItsCapacity() {
        var bucket = TokenBucket(ratePerSecond: 5, capacity: 5, nowNanoseconds: 0)
        var taken: [Bool] = []
        for _ in 0..<6 { taken.append(bucket.take(1, nowNanoseconds: 0)) }
        #expect(taken == [true, true, true, true, true, false])
        let afterOneFifth = [bucket.take(1, nowNanoseconds: 200_000_000), bucket.take(1, nowNanoseconds: 200_000_000)]
        #expect(afterOneFifth == [true, false])
        bucket.refill(nowNanoseconds: 60_000_000_000)
        #expect(bucket.tokens == 5)
    }

    @Test func refillsAtItsRateUpToOneSecondsWorth() {
        var bucket = TokenBucket(ratePerSecond: 100, nowNanoseconds: 0)
        #expect(bucket.allows(100))
        bucket.take(100)
        #expect(!bucket.allows(1))
        bucket.refill(nowNanoseconds: 500_000_000)
        #expect(bucket.allows(50))
        #expect(!bucket.allows(51))
        bucket.refill(nowNanoseconds: 10_000_000_000)
        #expect(bucket.allows(100))
        // A cost above the capacity goes once the bucket is full.
        #expect(bucket.allows(1_000))
    }

    @Test func aChargeLeavesADebtThatHoldsLaterTakesBack() {
        var bucket = TokenBucket(ratePerSecond: 2, nowNanoseconds: 0)
        bucket.charge(10, nowNanoseconds: 0)
        #expect(bucket.tokens == -8)
        let stillInDebt = bucket.hasTokens(nowNanoseconds: 3_900_000_000)
        let repaid = bucket.hasTokens(nowNanoseconds: 4_100_000_000)
        #expect(!stillInDebt)
        #expect(repaid)
    }

    @Test func timeRunningBackwardsAddsNothing() {
        var bucket = TokenBucket(ratePerSecond: 10, nowNanoseconds: 5_000_000_000)
        bucket.take(10)
        bucket.refill(nowNanoseconds: 1_000_000_000)
        #expect(bucket.tokens == 0)
        bucket.refill(nowNanoseconds: 5_500_000_000)
        #expect(bucket.tokens == 5)
    }
}
