import Support
import TaskModel
import Testing
import TestSupport

@testable import Stats

/// Tasks over time in calendar units on the report's clock. Expected times are
/// Python's (`datetime(..., tzinfo=ZoneInfo(...)).timestamp()`), written beside each.
@Suite("calendar buckets for tasks over time")
struct CalendarBucketsTests {
    static func buckets(_ earliest: Double, _ latest: Double, zone: String = "UTC") throws -> CalendarBuckets {
        CalendarBuckets(from: earliest, through: latest, clock: try #require(LocalClock(identifier: zone)), maximum: 48)
    }

    @Test("eleven months are weeks from Monday; three and a half years are months from the 1st; decades are years")
    func units() throws {
        // 2020-03-04T05:00:47Z … 2020-12-20T12:00Z: weeks from Monday 2020-03-02 (1583107200) to 2020-12-14 (1607904000).
        let weeks = try Self.buckets(1_583_298_047, 1_608_465_600)
        #expect(weeks.unit == .week && weeks.starts.first == 1_583_107_200 && weeks.starts.last == 1_607_904_000)
        #expect(weeks.starts.count == 42)
        #expect(weeks.starts.allSatisfy { (Int($0) / 86_400 + 3) % 7 == 0 }, "every start a Monday (1970-01-01 was a Thursday)")
        // 2018-01-15 … 2021-06-30: months from 2018-01-01 (1514764800) to 2021-06-01 (1622505600).
        let months = try Self.buckets(1_515_974_400, 1_625_011_200)
        #expect(months.unit == .month && months.starts.first == 1_514_764_800 && months.starts.last == 1_622_505_600)
        #expect(months.starts.count == 42)
        // 2000-05-05 … 2026-01-01: years from 2000-01-01 (946684800).
        let years = try Self.buckets(957_484_800, 1_767_225_600)
        #expect(years.unit == .year && years.starts.first == 946_684_800 && years.starts.count == 27)
        let second = try Self.buckets(100.2, 100.7)
        #expect(second.unit == .second && second.starts == [100])
    }

    @Test("days and hours follow the zone's wall clock across a change to summer time")
    func summerTime() throws {
        // Europe/Berlin, 2026-03-20 12:00 … 2026-04-15 12:00: day buckets from local midnight 2026-03-20 (1773961200);
        // 2026-03-29 00:00 CET is 1774738800 and 2026-03-30 00:00 CEST is 1774821600, 23 hours later.
        let days = try Self.buckets(1_774_004_400, 1_776_247_200, zone: "Europe/Berlin")
        #expect(days.unit == .day && days.starts.first == 1_773_961_200 && days.starts.count == 27)
        let march29 = try #require(days.starts.firstIndex(of: 1_774_738_800))
        #expect(days.starts[march29 + 1] == 1_774_821_600)
        // 2026-03-27 01:00 … 2026-04-03 01:00 Berlin: 6 h buckets from 00:00 local (1774566000); on 2026-03-29,
        // 00:00 (1774738800) and 06:00 (1774756800) are five hours apart.
        let quarters = try Self.buckets(1_774_569_600, 1_775_170_800, zone: "Europe/Berlin")
        #expect(quarters.unit == .hours6 && quarters.starts.first == 1_774_566_000)
        let midnight = try #require(quarters.starts.firstIndex(of: 1_774_738_800))
        #expect(quarters.starts[midnight + 1] == 1_774_756_800)
    }

    @Test("hours align to the zone's wall clock, whatever its offset (Kathmandu is +05:45)")
    func oddOffset() throws {
        // 2026-11-24T01:00Z (06:45 in Kathmandu) … 2026-11-27T00:00Z: 3 h buckets from 06:00 local (1795479300).
        let hours = try Self.buckets(1_795_482_000, 1_795_737_600, zone: "Asia/Kathmandu")
        #expect(hours.unit == .hours3 && hours.starts.first == 1_795_479_300 && hours.starts[1] == 1_795_490_100)
    }

    @Test("stats.json's timeline: unit, starts and each bucket's counts, by the zone")
    func timeline() throws {
        var b = TableBuilder()
        // Sunday 2020-03-08 23:30Z is Monday 00:30 in Berlin: a new week there, not in UTC.
        for (start, status) in [(1_583_298_047.0, "completed"), (1_583_710_200, "failed"), (1_608_465_600, "completed")] {
            b.add(status: status, startedAt: start)
        }
        b.add(status: "completed")
        var options = TaskStatistics.Options()
        let utc = try #require(TaskStatistics(table: b.table, options: options).timeline)
        #expect(utc.unit == .week && utc.missing == 1)
        #expect(utc.buckets[0] == ["completed": 1, "failed": 1] && utc.buckets.last == ["completed": 1])
        options.clock = try #require(LocalClock(identifier: "Europe/Berlin"))
        let statistics = TaskStatistics(table: b.table, options: options)
        let berlin = try #require(statistics.timeline)
        #expect(statistics.timeZone == "Europe/Berlin")
        #expect(berlin.buckets[0] == ["completed": 1] && berlin.buckets[1] == ["failed": 1])
        #expect(berlin.starts[0] == 1_583_103_600, "Monday 2020-03-02 00:00 in Berlin is 23:00Z the day before")
        #expect(berlin.originSeconds == berlin.starts[0] && berlin.bucketSeconds == 604_800)
    }
}
