import Support
import Testing

@testable import Charts

@Suite("labels and axes")
struct LayoutTests {
    @Test("long labels are shortened with an ellipsis to the limit")
    func shorten() {
        #expect(CategoryLabels.shorten("short", to: 24) == "short")
        let long = String(repeating: "x", count: 40)
        let cut = CategoryLabels.shorten(long, to: 24)
        #expect(cut.count == 24 && cut.hasSuffix("…"))
    }

    @Test("narrow slots turn labels and thin them so that none overlap")
    func crowdedLabels() {
        let surface = CairoSurface(kind: .svg, width: 800, height: 420)
        let names = (0..<48).map { "a rather long category name \($0)" }
        let labels = CategoryLabels(names, slot: 14, on: surface)
        #expect(labels.step > 1)
        #expect(labels.depth <= BarChartRenderer.maximumLabelDepth + 14)
        let roomy = CategoryLabels(["a", "b"], slot: 300, on: surface)
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

    @Test("time bucket labels in UTC, as short as the width allows")
    func timeLabels() {
        let t = 1_795_482_000.0  // 2026-11-24T01:00:00Z
        #expect(TimeLabels.labels(for: [t, t + 1800], width: 1800) == ["01:00", "01:30"])
        #expect(TimeLabels.labels(for: [t, t + 86_400], width: 86_400) == ["2026-11-24", "2026-11-25"])
        #expect(TimeLabels.labels(for: [t + 82_800, t + 86_400], width: 3600) == ["00:00", "01:00"])  // one day: short
        #expect(TimeLabels.labels(for: [t - 3600, t + 82_800], width: 3600) == ["11-24 00:00", "11-25 00:00"])
    }
}
