import Testing

@testable import RivuletBench

@Suite struct LatencyRecorderTests {
    @Test func percentilesUseNearestRank() throws {
        var recorder = LatencyRecorder()
        for milliseconds in 1...100 {
            recorder.record(nanoseconds: Int64(milliseconds) * 1_000_000)
        }
        #expect(recorder.percentileMilliseconds(0.50) == 50)
        #expect(recorder.percentileMilliseconds(0.99) == 99)
        #expect(recorder.percentileMilliseconds(0.999) == 100)
        #expect(LatencyRecorder().percentileMilliseconds(0.5) == nil)
    }

    @Test func memoryStaysBoundedAndCountsEverything() {
        var recorder = LatencyRecorder(samplesMax: 100)
        for value in 0..<10_000 {
            recorder.record(nanoseconds: Int64(value))
        }
        #expect(recorder.samples.count == 100)
        #expect(recorder.count == 10_000)
        // A uniform sample of 0..<10000 has its median near 5000.
        let median = recorder.percentileMilliseconds(0.5)! * 1_000_000
        #expect(median > 2_000 && median < 8_000)
    }

    @Test func formatsFixedPoint() {
        #expect(formatted(1234.5678, digits: 2) == "1234.57")
        #expect(formatted(0.0004, digits: 3) == "0.000")
        #expect(formatted(-1.5, digits: 1) == "-1.5")
        #expect(formatted(42, digits: 0) == "42")
    }
}
