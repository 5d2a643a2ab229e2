import Testing

@testable import RivuletAWS

@Suite struct SigV4TimestampTests {
    @Test(arguments: [
        (Int64(0), "19700101T000000Z"),
        (951_782_400, "20000229T000000Z"),
        (1_795_739_100, "20261127T002500Z"),
        (4_102_444_799, "20991231T235959Z"),
        (-1, "19691231T235959Z"),
    ])
    func formatsAndParsesBasicFormat(epochSeconds: Int64, text: String) {
        #expect(SigV4Timestamp(epochSeconds: epochSeconds).basicFormat == text)
        #expect(SigV4Timestamp(basicFormat: text)?.epochSeconds == epochSeconds)
    }

    @Test func truncatesMillisecondsTowardThePast() {
        #expect(SigV4Timestamp(epochMilliseconds: 1_999).epochSeconds == 1)
        #expect(SigV4Timestamp(epochMilliseconds: -1).epochSeconds == -1)
    }

    @Test(arguments: [
        "20261127T002500", "20261127 002500Z", "2026112T0025000Z", "20261131T000000Z", "20250229T000000Z",
        "20261127T240000Z", "2026-11-27T00:25:00Z", "+0261127T002500Z",
    ])
    func refusesWhatIsNotABasicFormatInstant(text: String) {
        #expect(SigV4Timestamp(basicFormat: text) == nil)
    }

    @Test(arguments: [
        "Fri, 27 Nov 2026 00:25:00 GMT", "Fri, 27 Nov 2026 00:25:00 -0000", "Fri, 27 Nov 2026 00:25:00 +0000",
    ])
    func parsesHTTPDates(text: String) {
        #expect(SigV4Timestamp(httpDate: text)?.basicFormat == "20261127T002500Z")
    }

    @Test(arguments: [
        "Fri, 27 Nov 2026 00:25:00 +0100", "27 Nov 2026 00:25:00 GMT", "Fri, 27 Nox 2026 00:25:00 GMT",
        "Fri, 31 Nov 2026 00:25:00 GMT", "Fri, 27 Nov 2026 0:25:00 GMT",
    ])
    func refusesOtherHTTPDates(text: String) {
        #expect(SigV4Timestamp(httpDate: text) == nil)
    }
}
