import Foundation
import Support
import Testing

@testable import Charts

@Suite("labels and axes")
struct LayoutTests {
    @Test("long labels are shortened in the middle, keeping the end where ids differ")
    func shorten() {
        #expect(CategoryLabels.shorten("short", to: 24) == "short")
        let long = String(repeating: "x", count: 40)
        let cut = CategoryLabels.shorten(long, to: 24)
        #expect(cut.unicodeScalars.count == 24 && cut.contains("…"))
        #expect(CategoryLabels.shorten("a-very-long-pipeline-name-for-nightly-runs", to: 24) == "a-very-long-…ightly-runs")
        // Airflow's run ids share their first 20 characters; the day must survive the cut.
        let runs = ["scheduled__2026-11-23T00:00:00+00:00", "scheduled__2026-11-24T00:00:00+00:00"]
        let distinct = CategoryLabels.commonPrefixLength(runs)
        #expect(distinct == 20)
        #expect(runs.map { CategoryLabels.shorten($0, to: 24, distinctFrom: distinct) }
            == ["schedule…-11-23T00:00:00", "schedule…-11-24T00:00:00"])
    }

    @Test("narrow slots turn labels and thin them so that none overlap, and none reaches past the left edge")
    func crowdedLabels() {
        let surface = CairoSurface(kind: .svg, width: 800, height: 420)
        let names = (0..<48).map { "a rather long category name \($0)" }
        let labels = CategoryLabels(names, slot: 14, left: 40, on: surface)
        #expect(labels.step > 1)
        #expect(labels.depth <= BarChartRenderer.maximumLabelDepth + 14)
        // The first label is anchored at 40 + 7 + 4; turned 45°, its width × sin 45° must fit in those 51 px.
        #expect(surface.measure(labels.texts[0], style: BarChartRenderer.labelStyle) * sin(Double.pi / 4) <= 47 + 4)
        #expect(surface.measure(labels.texts[40], style: BarChartRenderer.labelStyle) > surface.measure(labels.texts[0], style: BarChartRenderer.labelStyle))
        let roomy = CategoryLabels(["a", "b"], slot: 300, left: 40, on: surface)
        #expect(roomy.step == 1 && roomy.depth == 20)
    }

    @Test("value axes use round steps and reach the top value")
    func axis() {
        #expect(ValueAxis(top: 165).ticks == [0, 50, 100, 150, 200])
        #expect(ValueAxis(top: 7).ticks == [0, 2, 4, 6, 8])
        #expect(ValueAxis(top: 0.4).ticks == [0, 1])
        #expect(ValueAxis(top: 1_234_567).maximum >= 1_234_567)
    }

    @Test("human numbers: counts, durations and percentages")
    func humanNumbers() {
        #expect(HumanFormat.count(999) == "999")
        #expect(HumanFormat.count(1234) == "1.2k")
        #expect(HumanFormat.count(12_345) == "12k")
        #expect(HumanFormat.count(1_200_000) == "1.2M")
        #expect(HumanFormat.duration(milliseconds: 0.42) == "0.42ms")
        #expect(HumanFormat.duration(milliseconds: 120) == "120ms")
        #expect(HumanFormat.duration(milliseconds: 1500) == "1.5s")
        #expect(HumanFormat.duration(milliseconds: 150_000) == "2.5min")
        #expect(HumanFormat.duration(milliseconds: 5_400_000) == "1.5h")
        #expect(HumanFormat.duration(milliseconds: 12_345) == "12.3s" && HumanFormat.duration(milliseconds: 123_456) == "2.06min")
        // Ten jobs of about a week stay apart: 6 d 23 h 59 m and 7 d 2 h.
        #expect(HumanFormat.duration(milliseconds: 604_740_000) == "7d" && HumanFormat.duration(milliseconds: 612_000_000) == "7.08d")
        #expect(HumanFormat.duration(milliseconds: 601_200_000) == "6.96d")
        #expect(HumanFormat.exact(12_386) == "12,386" && HumanFormat.exact(1_234_567) == "1,234,567" && HumanFormat.exact(-42) == "-42")
        #expect(HumanFormat.exact(0.125) == "0.125" && HumanFormat.exact(999) == "999")
        #expect(HumanFormat.percent(0.9734) == "97.3%" && HumanFormat.percent(1) == "100%")
    }

    @Test("UTC calendar fields and RFC 3339 text match Python's datetime")
    func utcTime() {
        // python3 -c "from datetime import *; print(datetime.fromtimestamp(1795482123.042, timezone.utc))"
        #expect(UTCTime(seconds: 1_795_482_123.042).rfc3339(milliseconds: true) == "2026-11-24T01:02:03.042Z")
        #expect(UTCTime(seconds: 0).rfc3339() == "1970-01-01T00:00:00Z")
        #expect(UTCTime(seconds: 951_782_400).rfc3339() == "2000-02-29T00:00:00Z")  // a leap day
        #expect(UTCTime(seconds: -1).rfc3339() == "1969-12-31T23:59:59Z")
    }

    @Test("time bucket labels on the wall clock, as people name the unit")
    func timeLabels() throws {
        let t = 1_795_482_000.0  // 2026-11-24T01:00:00Z
        let utc = LocalClock.utc
        #expect(TimeLabels.labels(for: [t, t + 1800], unit: .minutes30, clock: utc) == ["01:00", "01:30"])
        #expect(TimeLabels.labels(for: [t + 82_800, t + 86_400], unit: .hour, clock: utc) == ["00:00", "01:00"])  // one day: short
        #expect(TimeLabels.labels(for: [t - 3600, t + 82_800], unit: .hour, clock: utc) == ["11-24 00:00", "11-25 00:00"])
        #expect(TimeLabels.labels(for: [t, t + 5], unit: .seconds5, clock: utc) == ["01:00:00", "01:00:05"])
        #expect(TimeLabels.labels(for: [t - 3600, t + 82_800], unit: .day, clock: utc) == ["24 Nov", "25 Nov"])
        // python3: datetime(2026,3,2,tzinfo=timezone.utc).timestamp() == 1772409600 (a Monday)
        #expect(TimeLabels.labels(for: [1_772_409_600], unit: .week, clock: utc) == ["week of 2 Mar"])
        #expect(TimeLabels.labels(for: [1_772_409_600, 1_798_761_600], unit: .week, clock: utc)
            == ["week of 2 Mar 2026", "week of 1 Jan 2027"], "the year when the weeks span two")
        #expect(TimeLabels.labels(for: [1_772_409_600], unit: .month, clock: utc) == ["Mar 2026"])
        #expect(TimeLabels.labels(for: [1_772_409_600], unit: .quarter, clock: utc) == ["Q1 2026"])
        #expect(TimeLabels.labels(for: [1_772_409_600], unit: .year, clock: utc) == ["2026"])
        let tokyo = try #require(LocalClock(identifier: "Asia/Tokyo"))
        #expect(TimeLabels.labels(for: [t], unit: .hour, clock: tokyo) == ["10:00"], "01:00Z is 10:00 in Tokyo")
        #expect(TimeLabels.labels(for: [t, t + 3600], width: 3600, clock: utc) == ["01:00", "02:00"], "by width")
    }

    @Test("the page's clock writes RFC 3339 with the zone's offset at that moment, Z in UTC")
    func localClock() throws {
        let t = 1_795_482_000.0  // 2026-11-24T01:00:00Z
        #expect(LocalClock.utc.rfc3339(t) == "2026-11-24T01:00:00Z")
        let berlin = try #require(LocalClock(identifier: "Europe/Berlin"))
        #expect(berlin.rfc3339(t) == "2026-11-24T02:00:00+01:00")
        #expect(berlin.rfc3339(t - 120 * 86_400) == "2026-07-27T03:00:00+02:00", "summer time")
        #expect(try #require(LocalClock(identifier: "Asia/Kathmandu")).rfc3339(t) == "2026-11-24T06:45:00+05:45")
        #expect(try #require(LocalClock(identifier: "America/St_Johns")).rfc3339(t) == "2026-11-23T21:30:00-03:30")
        #expect(LocalClock(identifier: "Mars/Olympus") == nil)
    }
}
