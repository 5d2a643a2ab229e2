import Foundation
import RivuletBench
import RivuletClient
import RivuletCore
import RivuletProducer

/// The load generator behind `rivulet bench produce`.
struct ProducerBenchRunner {
    /// Awaited puts are sampled this often for latency.
    static let latencySampleIntervalMilliseconds = 10
    /// The clock is read once per this many records: reading it per record would cost as much as a put.
    static let clockCheckIntervalRecords = 1024

    let client: KinesisClient
    let streamName: String
    let configuration: ProducerConfiguration
    let recordBytes: Int
    let durationSeconds: Double
    let recordsMax: Int?

    func run(shape: String) async throws -> ProducerBenchResult {
        let producer = Producer(stream: streamName, client: client, configuration: configuration)
        let payload = (0..<recordBytes).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let started = ContinuousClock.now
        let deadline = started + .seconds(durationSeconds)
        let putting = StopSignal()
        let (latency, elapsed) = try await withThrowingTaskGroup(of: LatencyRecorder?.self) { group in
            group.addTask {
                await producer.run()
                return nil
            }
            group.addTask { await sampleLatency(producer, payload: payload, until: putting) }
            try await putUntilDone(producer, payload: payload, deadline: deadline)
            putting.stop()
            var latency = LatencyRecorder()
            // The sampler stops with the caller; the flush waits for everything put before it.
            while let next = try await group.next() {
                if let sampled = next {
                    latency = sampled
                    break
                }
            }
            await producer.flush()
            let elapsed = started.duration(to: .now)
            await producer.shutdown()
            try await group.waitForAll()
            return (latency, elapsed)
        }
        let statistics = producer.statistics()
        return ProducerBenchResult(
            shape: shape, records: statistics.userRecordsPut, bytes: statistics.userBytesPut,
            kinesisRecords: statistics.kinesisRecordsPut, requests: statistics.putRecordsRequests,
            failedRecords: statistics.userRecordsFailed, retries: statistics.retries,
            elapsedSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
            latency: latency)
    }

    private func putUntilDone(_ producer: Producer, payload: [UInt8], deadline: ContinuousClock.Instant) async throws {
        var keys = RandomPartitionKeys()
        var put = 0
        while true {
            if let recordsMax, put >= recordsMax { return }
            if put % Self.clockCheckIntervalRecords == 0 && ContinuousClock.now >= deadline {
                return
            }
            try await producer.putWithoutWaiting(payload, partitionKey: keys.next())
            put += 1
        }
    }

    private func sampleLatency(_ producer: Producer, payload: [UInt8], until putting: StopSignal) async
        -> LatencyRecorder
    {
        var latency = LatencyRecorder()
        var keys = RandomPartitionKeys()
        while !putting.isStopped {
            let sent = ContinuousClock.now
            guard (try? await producer.put(payload, partitionKey: keys.next())) != nil else { break }
            latency.record(nanoseconds: sent.duration(to: .now).nanosecondsForBench)
            try? await Task.sleep(for: .milliseconds(Self.latencySampleIntervalMilliseconds))
        }
        return latency
    }
}

extension Duration {
    var nanosecondsForBench: Int64 {
        components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
    }
}
