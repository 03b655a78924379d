import TaskModel
import Testing
import TestSupport

@testable import Stats

@Suite("records of several runs")
struct RunHistoryTests {
    /// Run "b" appears first in the input but started first; "a" is the latest.
    static let table: TaskTable = {
        var t = TableBuilder()
        t.add(status: "completed", group: "old", durationMs: 10, startedAt: 100, run: "b")
        t.add(status: "failed", durationMs: 20, startedAt: 110, run: "b")
        t.add(status: "completed", group: "new", durationMs: 30, startedAt: 500, run: "a")
        t.add(status: "completed", durationMs: 50, startedAt: 505, run: "a")
        t.add(status: "skipped", startedAt: nil, run: "a")
        return t.table
    }()

    @Test("the latest run is the one that started last, whatever the input order")
    func latest() {
        let s = TaskStatistics(table: Self.table, scope: .latest)
        #expect(s.run == "a")
        #expect(s.recordCount == 3)
        #expect(s.statuses.map(\.label) == ["completed", "skipped"])
        #expect(s.durations.p50Ms == 40)
        #expect(s.groups.map(\.name) == [GroupStatistics.ungrouped, "new"], "largest first, no group of another run")
    }

    @Test("the history lists every run, oldest first, with its own figures")
    func history() throws {
        let history = try #require(TaskStatistics(table: Self.table, scope: .latest).history)
        #expect(history.runs.map(\.runId) == ["b", "a"])
        #expect(history.statuses.map(\.label) == ["completed", "failed", "skipped"])
        #expect(history.runs[0].counts == ["completed": 1, "failed": 1])
        #expect(history.runs[1].counts == ["completed": 2, "skipped": 1])
        // Skipped counts as finished but not completed.
        #expect(history.runs[0].successRate == 0.5 && history.runs[1].successRate == 2.0 / 3.0)
        #expect(history.runs[0].startedAt == 100)
        // numpy.percentile([30, 50], 95) == 49
        #expect(history.runs[1].p95Ms == 49)
    }

    @Test("--all-runs describes every record, and one run has no history")
    func scopes() {
        let all = TaskStatistics(table: Self.table, scope: .all)
        #expect(all.run == nil && all.recordCount == 5 && all.history?.runs.count == 2)
        var single = TableBuilder()
        single.add(status: "completed", run: "only")
        #expect(TaskStatistics(table: single.table, scope: .latest).history == nil)
    }
}
