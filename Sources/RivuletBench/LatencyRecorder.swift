import RivuletCore
/// Request latencies of one workload, for percentiles. Bounded: past `samplesMax` it keeps a uniform reservoir
/// sample, so a long run costs fixed memory and its percentiles stay unbiased.
public struct LatencyRecorder: Sendable {
    public static let samplesMaxDefault = 1_000_000

    private(set) var samples: [Int64] = []
    private(set) var count = 0
    private let samplesMax: Int
    private var random = SplitMix64(seed: 0x5EED)

    public init(samplesMax: Int = samplesMaxDefault) {
        precondition(samplesMax > 0, "a recorder keeps at least one sample")
        self.samplesMax = samplesMax
    }

    public mutating func record(nanoseconds: Int64) {
        count += 1
        if samples.count < samplesMax {
            samples.append(nanoseconds)
        } else {
            let slot = Int(random.next() % UInt64(count))
            if slot < samplesMax { samples[slot] = nanoseconds }
        }
    }

    public mutating func merge(_ other: LatencyRecorder) {
        for sample in other.samples { record(nanoseconds: sample) }
        count += other.count - other.samples.count
    }

    /// The latency below which `fraction` of requests completed (nearest-rank), in milliseconds; nil if empty.
    public func percentileMilliseconds(_ fraction: Double) -> Double? {
        guard !samples.isEmpty else { return nil }
        let sorted = samples.sorted()
        let rank = min(sorted.count - 1, max(0, Int((fraction * Double(sorted.count)).rounded(.up)) - 1))
        return Double(sorted[rank]) / 1_000_000
    }
}
