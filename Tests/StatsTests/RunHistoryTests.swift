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

    @Test("a previous report's runs come first, in the order written; a run the records also hold is the records'; only the records are described")
    func priorRuns() throws {
        var prior = TableBuilder()
        // Written oldest first; p2's clock is behind p1's, and the order written still wins.
        prior.add(status: "completed", group: "TestApi", name: "test_get", durationMs: 10, startedAt: 900, run: "p1")
        prior.add(status: "failed", group: "TestDb", name: "test_get", durationMs: 10, startedAt: 900, run: "p1")
        prior.add(status: "completed", group: "TestApi", name: "test_get", durationMs: 10, startedAt: 50, run: "p2")
        prior.add(status: "completed", group: "x", name: "stale", durationMs: 10, startedAt: 60, run: "a")
        let s = TaskStatistics(table: Self.table, scope: .latest, prior: prior.table)
        let history = try #require(s.history)
        #expect(history.runs.map(\.runId) == ["p1", "p2", "b", "a"])
        #expect(history.runs[3].total == 3, "run a is the records' own, not the history's copy")
        #expect(history.statuses.map(\.label) == ["completed", "failed", "skipped"])
        #expect(history.statuses.map(\.count) == [5, 2, 1], "p1 and p2: 2 completed, 1 failed; b and a: 3, 1 and 1 skipped")
        #expect(s.run == "a" && s.recordCount == 3, "the history is shown beside, never described")
        #expect(s.recentRuns.map(\.runId) == ["p1", "p2", "b", "a"])
        #expect(try #require(s.grid).runs == ["p1", "p2", "b", "a"])

        let all = TaskStatistics(table: Self.table, scope: .all, prior: prior.table)
        #expect(all.recordCount == 5 && all.run == nil && all.history?.runs.count == 4, "--all-runs: every record, no history record")

        // One run of records and a history: the run is described, with the history beside it.
        var tonight = TableBuilder()
        tonight.add(status: "failed", group: "TestApi", name: "test_get", durationMs: 10, startedAt: 2000, run: "n3")
        let one = TaskStatistics(table: tonight.table, scope: .latest, prior: prior.table)
        #expect(one.run == "n3" && one.history?.runs.map(\.runId) == ["p1", "p2", "a", "n3"])
        let changes = try #require(one.changes)
        #expect(changes.baselineRun == "a" && changes.newFailures.isEmpty, "test_get did not run in a")
        #expect(one.describedRun(in: tonight.table) == "n3")
    }

    @Test("a run that never started is never the latest while one that started exists; ties in start go by finish")
    func unstartedRunsAreNotLatest() throws {
        var t = TableBuilder()
        t.add(status: "success", name: "a", startedAt: 100, run: "last-night", finishedAt: 200)
        t.add(status: "success", name: "a", startedAt: 100, run: "same-start", finishedAt: 150)
        t.add(status: "queued", name: "a", run: "queued-tomorrow")
        t.add(status: "skipped", name: "a", run: "all-skipped", finishedAt: 50)
        let s = TaskStatistics(table: t.table, scope: .latest)
        #expect(s.run == "last-night")
        #expect(s.history?.runs.map(\.runId) == ["queued-tomorrow", "all-skipped", "same-start", "last-night"])
    }

    @Test("records without a run id beside runs join no run: never 'the latest', counted only with --all-runs")
    func runlessRecords() throws {
        var t = TableBuilder()
        t.add(status: "completed", name: "a", startedAt: 100, run: "r1")
        t.add(status: "failed", name: "a", startedAt: 200, run: "r2")
        t.add(status: "completed", name: "stray", startedAt: 900)
        let s = TaskStatistics(table: t.table, scope: .latest)
        #expect(s.run == "r2" && s.recordCount == 1 && s.recordsWithoutRun == 1)
        #expect(s.history?.runs.map(\.runId) == ["r1", "r2"])
        let all = TaskStatistics(table: t.table, scope: .all)
        #expect(all.recordCount == 3 && all.recordsWithoutRun == 1)

        var one = TableBuilder()
        one.add(status: "completed", name: "a", startedAt: 100, run: "r1")
        one.add(status: "completed", name: "stray", startedAt: 900)
        let single = TaskStatistics(table: one.table, scope: .latest)
        #expect(single.run == "r1" && single.recordCount == 1 && single.history == nil, "one run, and a stray record beside it")
    }
}
