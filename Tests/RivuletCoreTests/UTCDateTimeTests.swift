import RivuletCore
import Testing

@Suite struct UTCDateTimeTests {
    @Test(arguments: [
        (Int64(0), 1970, 1, 1, 0, 0, 0, 0, 3),
        (951_782_400_000, 2000, 2, 29, 0, 0, 0, 0, 1),
        (-1, 1969, 12, 31, 23, 59, 59, 999, 2),
        (1_709_283_907_042, 2024, 3, 1, 9, 5, 7, 42, 4),
        (253_402_300_799_999, 9999, 12, 31, 23, 59, 59, 999, 4),
        (-62_135_596_800_000, 1, 1, 1, 0, 0, 0, 0, 0),
    ])
    func fieldsAndBackAgain(
        epochMilliseconds: Int64, year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int,
        millisecond: Int, weekdayFromMonday: Int
    ) throws {
        let time = UTCDateTime(epochMilliseconds: epochMilliseconds)
        #expect([time.year, time.month, time.day] == [year, month, day])
        #expect([time.hour, time.minute, time.second, time.millisecond] == [hour, minute, second, millisecond])
        #expect(time.weekdayFromMonday == weekdayFromMonday)
        let rebuilt = try #require(
            UTCDateTime(
                year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                millisecond: millisecond))
        #expect(rebuilt.epochMilliseconds == epochMilliseconds)
    }

    @Test func impossibleDatesAreRefused() {
        #expect(UTCDateTime(year: 2026, month: 4, day: 31) == nil)
        #expect(UTCDateTime(year: 2100, month: 2, day: 29) == nil)
        #expect(UTCDateTime(year: 2000, month: 2, day: 29) != nil)
        #expect(UTCDateTime(year: 2026, month: 13, day: 1) == nil)
        #expect(UTCDateTime(year: 2026, month: 1, day: 1, hour: 24) == nil)
    }

    @Test func everyDayOfFourCenturiesRoundTrips() {
        // 1900-03-01 .. 2300-03-01 in one-day steps, crossing every kind of leap rule.
        var days = UTCDateTime(year: 1900, month: 3, day: 1)!.daysSinceEpoch
        let end = UTCDateTime(year: 2300, month: 3, day: 1)!.daysSinceEpoch
        var mismatches = 0
        while days <= end {
            let time = UTCDateTime(epochMilliseconds: days * 86_400_000)
            if UTCDateTime(year: time.year, month: time.month, day: time.day)?.daysSinceEpoch != days { mismatches += 1 }
            days += 1
        }
        #expect(mismatches == 0)
    }

    @Test func floorDivisionRoundsDown() {
        #expect(Int64(-1).floorDivided(by: 1000) == -1)
        #expect(Int64(-1000).floorDivided(by: 1000) == -1)
        #expect(Int64(999).floorDivided(by: 1000) == 0)
    }
}
