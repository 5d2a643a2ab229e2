import Foundation
import Testing

@testable import RivuletAgent

/// A benchmark-style report, not an assertion: the agent's budget for CSVTOJSON is well under 2 µs a line.
@Suite struct ProcessingThroughputTests {
    @Test func reportsCSVToJSONCostPerLine() {
        let chain = ProcessingTestSupport.chain(
            ProcessingTestSupport.option(
                ("optionName", .string("CSVTOJSON")),
                ("customFieldNames", ProcessingTestSupport.strings("time", "host", "level", "user", "path", "status", "bytes"))))
        let line = Array("2024-03-01T09:05:07.042Z,web-01.example.com,INFO,alice,/api/v1/items?id=42,200,51234\n".utf8)
        let lineCount = 200_000
        var outputBytes = 0
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<lineCount {
            if case .send(let bytes) = chain.process(line) { outputBytes += bytes.count }
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start)
        let report = String(
            format: "CSVTOJSON: %d lines of %d bytes, %.0f ns a line, %.0f lines/s (%d output bytes)",
            lineCount, line.count, elapsed / Double(lineCount), Double(lineCount) / (elapsed / 1e9), outputBytes)
        print(report)
        #expect(outputBytes > 0)
    }
}
