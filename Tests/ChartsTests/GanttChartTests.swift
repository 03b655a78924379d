import Stats
import TaskModel
import Testing
import TestSupport

@testable import Charts

/// The Gantt chart: a bar per task along wall-clock time.
@Suite("the Gantt chart")
struct GanttChartTests {
    static let t0 = 1_795_482_000.0  // 2026-11-24T01:00:00Z

    /// checkout → compile → tests, lint beside them failing, a retried fetch, and a task that never started.
    static func schedule(names: [String: String] = [:]) -> RunSchedule {
        var b = TableBuilder()
        func add(_ id: String, _ status: String, _ start: Double?, _ end: Double?) {
            b.add(status: status, name: names[id] ?? "", startedAt: start.map { t0 + $0 }, run: "r", id: id,
                  finishedAt: end.map { t0 + $0 })
        }
        add("checkout", "completed", 0, 1)
        add("lint", "failed", 1, 1.2)
        add("compile", "completed", 1, 4)
        add("fetch", "completed", 0, 9)
        add("tests", "timeout", 4, 10)
        add("publish", "skipped", nil, nil)
        let attempts = [TaskAttempt.key(run: "r", id: "fetch"): [
            TaskAttempt(number: 2, status: "completed", startedAt: t0 + 6, finishedAt: t0 + 9),
            TaskAttempt(number: 1, status: "failed", startedAt: t0, finishedAt: t0 + 2),
        ]]
        let table = b.table
        return RunSchedule(table: table, rows: Array(0..<table.count), attempts: attempts,
                           needs: ["compile": ["checkout"], "lint": ["checkout"], "tests": ["compile"]])
    }

    @Test("bars by start, the critical path outlined, the rows setting the height")
    func layout() throws {
        let chart = try #require(GanttChart(Self.schedule()))
        #expect(chart.bars.map(\.label) == ["checkout", "fetch", "lint", "compile", "tests"])
        #expect(chart.bars.filter(\.outlined).map(\.label) == ["checkout", "compile", "tests"])
        #expect(chart.criticalPath == ["checkout", "compile", "tests"])
        #expect(chart.height == GanttChart.headerHeight + 5 * GanttChart.rowHeight + GanttChart.footerHeight)
        let png = try #require(DecodedPNG(ChartRenderer().png(.gantt(chart))))
        #expect(png.width == 1600 && png.height == Int(2 * chart.height))
        #expect(chart.note == "Not started, so not drawn: publish.")
    }

    @Test("the text alternative names the span, the critical path, the failures and the retries; the table has every bar")
    func words() throws {
        let chart = try #require(GanttChart(Self.schedule()))
        let text = chart.textAlternative
        #expect(text.contains("5 tasks from 01:00:00"), "\(text)")
        #expect(text.contains("Critical path: checkout → compile → tests"))
        #expect(text.contains("Failed or timed out: lint, tests"))
        #expect(text.contains("Retried: fetch (2 attempts)"))
        let (headers, rows) = chart.dataTable
        #expect(headers.first == "task" && rows.count == 5)
        #expect(rows[1] == ["fetch", "completed", "01:00:00.00", "01:00:09.00", "9s", "2", ""], "\(rows[1])")
    }

    @Test("the outline and each failed attempt are drawn: they change the picture where they should")
    func drawn() throws {
        let chart = try #require(GanttChart(Self.schedule()))
        var plain = chart
        plain.bars = plain.bars.map { var bar = $0; bar.outlined = false; return bar }
        let ink: UInt32 = 0x1F2933
        let with = try #require(DecodedPNG(ChartRenderer().png(.gantt(chart))))
        let without = try #require(DecodedPNG(ChartRenderer().png(.gantt(plain))))
        #expect(with.count(ink) > without.count(ink) + 3 * 40, "three outlines of ink")

        var once = chart
        once.bars[1].attempts = [RunSchedule.Attempt(span: once.bars[1].span, kind: .completed)]
        let red: UInt32 = 0xD64545
        let single = try #require(DecodedPNG(ChartRenderer().png(.gantt(once))))
        #expect(with.count(red) > single.count(red) + 100, "fetch's failed first attempt is drawn red")
    }

    @Test("names from the data are escaped in the SVG, which stays well-formed")
    func escaped() throws {
        let chart = try #require(GanttChart(Self.schedule(names: ["lint": "<script>alert(1)</script>\"\u{301}"])))
        let svg = ChartRenderer().svg(.gantt(chart), name: "gantt")
        #expect(!svg.contains("<script") && svg.contains("&lt;script&gt;"))
        #expect(parsesAsSVG(svg))
    }

    @Test("a run of hundreds of tasks is drawn as how many ran at once, as steps")
    func manyTasks() throws {
        var b = TableBuilder()
        for i in 0..<500 { b.add(status: "completed", startedAt: Self.t0 + Double(i), finishedAt: Self.t0 + Double(i) + 30) }
        let schedule = RunSchedule(table: b.table, rows: Array(0..<500))
        let chart = ChartKind.gantt.chart(for: TaskStatistics(table: b.table), schedule: schedule)
        guard case .bars(let bars) = chart else {
            Issue.record("expected bars, got \(String(describing: chart))")
            return
        }
        #expect(bars.title == "Tasks Running at Once" && bars.adjacentBars)
        #expect(bars.series.count == 1 && abs(bars.series[0].values.max()! - 30) < 0.05)
        #expect(DecodedPNG(ChartRenderer().png(.bars(bars))) != nil)
    }
}
