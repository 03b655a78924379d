import Foundation
import Stats
import Support
import TaskModel
import Testing
import TestSupport

@testable import Charts

/// What a person sees on charts of real logs: rates on 0–100 %, exact numbers, a
/// heavy tail of groups said rather than drawn, and labels of one kind told apart.
@Suite("charts of real data")
struct RealDataChartTests {
    /// What the renderer drew that a reader reads, in order (`text …`, `dashes`, `backing`).
    static func drawn(_ chart: BarChart) -> [String] {
        let surface = CairoSurface(kind: .svg, width: 800, height: 420)
        BarChartRenderer(chart: chart).draw(on: surface)
        return surface.readable
    }

    static func texts(_ chart: BarChart) -> [String] {
        drawn(chart).filter { $0.hasPrefix("text ") }.map { String($0.dropFirst(5)) }
    }

    /// Three runs: 85 % success, all outcomes unknown, 100 %.
    static func runs() -> TaskStatistics {
        var b = TableBuilder()
        for (run, statuses) in [("r1", Array(repeating: "success", count: 17) + ["failed", "failed", "failed"]),
                                ("r2", ["unknown", "unknown"]), ("r3", ["success", "success"])] {
            for status in statuses { b.add(status: status, durationMs: 1, startedAt: run == "r1" ? 1 : run == "r2" ? 2 : 3, run: run) }
        }
        return TaskStatistics(table: b.table, scope: .latest)
    }

    @Test("success rate by run: a 0–100 % axis, each bar's rate, n/a where no task completed or failed")
    func rates() throws {
        let chart = BarChart.successRateByRun(Self.runs())
        #expect(chart.valueAxisMaximum == 100)
        #expect(chart.valueLabels == ["85%", "n/a", "100%"])
        #expect(chart.textAlternative.contains("r2: n/a"))
        #expect(chart.dataTable.rows.map(\.last) == ["85%", "n/a", "100%"])
        let texts = Self.texts(chart)
        #expect(["0", "20", "40", "60", "80", "100", "85%", "n/a", "100%"].allSatisfy(texts.contains))
        #expect(!texts.contains("120") && !texts.contains("150"), "no tick past 100")
    }

    @Test("counts exactly where they fit (12,386), short where they do not")
    func exactCounts() {
        let three = BarChart(title: "t", categories: ["a", "b", "c"],
                             series: [BarChart.Series(name: "s", color: .bar, values: [12_386, 950, 3])])
        #expect(three.textAlternative == "t. a: 12,386; b: 950; c: 3.")
        #expect(Self.texts(three).contains("12,386"))
        let crowded = BarChart(title: "t", categories: (0..<60).map { "c\($0)" },
                               series: [BarChart.Series(name: "s", color: .bar, values: Array(repeating: 1_234_567, count: 60))])
        #expect(Self.texts(crowded).contains("1.2M") && !Self.texts(crowded).contains("1,234,567"), "no room: short")
    }

    @Test("when the groups past the 12th outweigh the largest, they are said under the chart, not drawn as one bar")
    func heavyTail() {
        var b = TableBuilder()
        for g in 0..<12 { for _ in 0..<3 { b.add(status: "completed", group: "g\(g)") } }
        for g in 0..<240 { for _ in 0..<2 { b.add(status: "completed", group: "tail\(g)") } }
        let chart = BarChart.statusByGroup(TaskStatistics(table: b.table))
        #expect(chart.categories.count == 12 && !chart.categories.contains { $0.hasSuffix("other groups") })
        #expect(chart.footnote == "not drawn: 240 other groups, 480 tasks (93%)")
        #expect(chart.textAlternative.hasSuffix("; not drawn: 240 other groups, 480 tasks (93%)."))
        #expect(Self.texts(chart).contains("not drawn: 240 other groups, 480 tasks (93%)"))
        var light = TableBuilder()
        for g in 0..<13 { for _ in 0..<(20 - g) { light.add(status: "completed", group: "g\(g)") } }
        #expect(BarChart.statusByGroup(TaskStatistics(table: light.table)).categories.last == "1 other groups", "a light tail stays a bar")
    }

    @Test("labels of one kind get shades of its colour, each its own legend entry")
    func shades() throws {
        let colors = Color.statuses([.completed, .completed, .failed, .failed, .completed])
        #expect(Set(colors.map(\.hexString)).count == 5)
        #expect(colors[0] == Color.status(.completed) && colors[2] == Color.status(.failed))
        #expect(colors[1].red + colors[1].green + colors[1].blue < colors[0].red + colors[0].green + colors[0].blue, "darker")
    }

    @Test("a p50/p95 marker's dashed line passes behind a bar's value, not through it")
    func markersBehindValues() throws {
        let chart = BarChart(title: "t", categories: ["a", "b"], series: [BarChart.Series(name: "s", color: .bar, values: [5, 400])],
                             markers: [BarChart.Marker(label: "p95 1s", position: 1.5)])
        let drawn = Self.drawn(chart)
        // The dashes first, then each value on a backing of its own, then the marker's label on top.
        let dashes = try #require(drawn.firstIndex(of: "dashes"))
        let value = try #require(drawn.lastIndex(of: "text 400"), "the bar's value, after the axis tick of the same number")
        #expect(dashes < value - 1 && drawn[value - 1] == "backing", "\(drawn)")
        #expect(try #require(drawn.firstIndex(of: "text p95 1s")) > value)
    }

    @Test("SVGs turn dark with the reader's system, scoped to the chart")
    func darkSVG() {
        let svg = ChartRenderer().svg(.bars(BarChart.successRateByRun(Self.runs())), name: "success-rate")
        #expect(svg.contains("@media (prefers-color-scheme: dark) { svg.taskreport-chart {"))
        #expect(svg.contains(#"<svg class="taskreport-chart""#) || svg.contains(#"class="taskreport-chart" role="img""#))
    }
}
