import Testing
import Stats
import TaskModel
import TestSupport

/// New failures, fixed and flaky tasks, and duration regressions between runs.
@Suite struct RunChangesTests {
    /// Three nightly runs; each task's story is told in its comment.
    static func threeRuns() -> TaskTable {
        var b = TableBuilder()
        func night(_ run: String, at start: Double, _ tasks: [(String, String, Double, Int32?)]) {
            for (name, status, ms, attempts) in tasks {
                b.add(status: status, group: "g", name: name, durationMs: ms, startedAt: start,
                      exitCode: status == "failed" ? 3 : 0, error: status == "failed" ? "boom \(name)" : "",
                      run: run, attempts: attempts)
            }
        }
        night("r1", at: 1000, [
            ("a", "completed", 50, 1),   // a: completed, completed, failed → new failure
            ("b", "failed", 50, 1),      // b: failed, failed, completed → fixed
            ("c", "completed", 50, 1),   // c: completed, failed, completed → fixed and flaky (two flips)
            ("d", "completed", 100, 1),  // d: 100 → 100 → 300 ms → a regression of 200%
            ("e", "completed", 10, 1),   // e: 10 → 10 → 40 ms: 300% but under the 100 ms floor
            ("f", "completed", 50, 1),   // f: completed after 2 attempts now → flaky (retried)
        ])
        night("r2", at: 2000, [
            ("a", "completed", 50, 1), ("b", "failed", 50, 1), ("c", "failed", 50, 1), ("d", "completed", 100, 1),
            ("e", "completed", 10, 1), ("f", "completed", 50, 1), ("h", "completed", 500, 1),
        ])
        night("r3", at: 3000, [
            ("a", "failed", 50, 1), ("b", "completed", 50, 1), ("c", "completed", 50, 1), ("d", "completed", 300, 1),
            ("e", "completed", 40, 1), ("f", "completed", 50, 2),
            ("g", "failed", 50, 1),     // g: new task, failing → not a *new* failure (no baseline)
            // h: three records now, one failed → failed; p95 of [100, 200, 1000] is 920 (numpy) vs 500.
            ("h", "completed", 100, 1), ("h", "failed", 200, 1), ("h", "completed", 1000, 1),
        ])
        return b.table
    }

    @Test func comparesTheLatestRunWithTheOneBefore() throws {
        let statistics = TaskStatistics(table: Self.threeRuns(), scope: .latest)
        let changes = try #require(statistics.changes)
        #expect(changes.baselineRun == "r2")
        #expect(changes.currentRun == "r3")
        #expect(changes.runsCompared == ["r1", "r2", "r3"])
        #expect(changes.newFailures.map(\.name) == ["a", "h"])
        #expect(changes.newFailureCount == 2)
        let a = changes.newFailures[0]
        #expect(a.status == "failed" && a.baselineStatus == "completed" && a.exitCode == 3 && a.error == "boom a")
        #expect(changes.fixed.map(\.name) == ["b", "c"])
        #expect(changes.flaky.map(\.name) == ["c", "f"])
        #expect(changes.flaky[0].flips == 2 && !changes.flaky[0].retried && changes.flaky[0].attempts == nil)
        #expect(changes.flaky[0].outcomes == [.completed, .failed, .completed])
        #expect(changes.flaky[1].flips == 0 && changes.flaky[1].retried && changes.flaky[1].attempts == 2, "f needed 2 attempts")
        #expect(changes.regressions.map(\.name) == ["h", "d"])
        let h = changes.regressions[0]
        #expect(abs(h.currentMs - 920) < 1e-9 && h.baselineMs == 500)
        #expect(abs(h.growth! - 0.84) < 1e-12)
        #expect(h.trendMs.count == 3 && h.trendMs[0] == nil && h.trendMs[1] == 500)
        let d = changes.regressions[1]
        #expect(d.baselineMs == 100 && d.currentMs == 300 && d.growth == 2 && d.trendMs == [100, 100, 300])
    }

    @Test func theThresholdAndFloorDecideWhatIsARegression() throws {
        var options = TaskStatistics.Options()
        options.regressionThreshold = 2.5  // d grew by 200%, h by 84%: neither
        #expect(try #require(TaskStatistics(table: Self.threeRuns(), scope: .latest, options: options).changes)
            .regressions.isEmpty)
        options.regressionThreshold = 0.25
        options.regressionFloorMs = 0  // now e's 30 ms growth counts too
        let names = try #require(TaskStatistics(table: Self.threeRuns(), scope: .latest, options: options).changes)
            .regressions.map(\.name)
        #expect(names == ["h", "d", "e"])
    }

    @Test func aBaselineFromElsewhereReplacesThePreviousRun() throws {
        var baseline = TableBuilder()  // other dictionaries, no run ids, names in another order
        baseline.add(status: "failed", name: "h", durationMs: 5000)
        baseline.add(status: "completed", name: "a", durationMs: 50)
        baseline.add(status: "completed", name: "d", durationMs: 100)
        var current = TableBuilder()
        current.add(status: "failed", name: "a", durationMs: 50)
        current.add(status: "completed", name: "h", durationMs: 100)
        current.add(status: "completed", name: "d", durationMs: 100)
        let changes = try #require(
            TaskStatistics(table: current.table, scope: .latest, baseline: baseline.table).changes)
        #expect(changes.newFailures.map(\.name) == ["a"])
        #expect(changes.fixed.map(\.name) == ["h"])
        #expect(changes.regressions.isEmpty)
        #expect(changes.runsCompared == ["", ""])
    }

    @Test func oneRunAloneHasNothingToCompare() {
        var b = TableBuilder()
        b.add(status: "failed", name: "a", durationMs: 1)
        #expect(TaskStatistics(table: b.table, scope: .latest).changes == nil)
    }

    @Test func listsAreCappedButCountsAreNot() throws {
        var b = TableBuilder()
        for i in 0..<30 { b.add(status: "completed", name: "t\(i)", durationMs: 1, startedAt: 1, run: "r1") }
        for i in 0..<30 { b.add(status: "failed", name: "t\(i)", durationMs: 1, startedAt: 2, run: "r2") }
        var options = TaskStatistics.Options()
        options.changeLimit = 7
        let changes = try #require(TaskStatistics(table: b.table, scope: .latest, options: options).changes)
        #expect(changes.newFailures.count == 7)
        #expect(changes.newFailureCount == 30)
    }

    @Test func flipsIgnoreRunsWhereTheTaskNeitherFailedNorCompleted() {
        #expect(RunChanges.flips([.completed, nil, .other, .failed, .completed]) == 2)
        #expect(RunChanges.flips([.failed, .failed]) == 0)
    }

    @Test("the task × run grid: a column per run, oldest first; the tasks with most failures first; gaps where a task did not run")
    func grid() throws {
        let grid = try #require(TaskStatistics(table: Self.threeRuns(), scope: .latest).grid)
        #expect(grid.runs == ["r1", "r2", "r3"])
        #expect(grid.taskCount == 8)
        // b failed twice; a, c and h once (h's three records in r3 fail together); g once (only r3); then by name.
        #expect(grid.rows.map(\.name) == ["b", "a", "c", "g", "h", "d", "e", "f"])
        #expect(grid.rows.map(\.failures) == [2, 1, 1, 1, 1, 0, 0, 0])
        let g = grid.rows[3]
        #expect(g.cells[0] == nil && g.cells[1] == nil && g.cells[2]?.outcome == .failed, "g ran only in r3")
        let d = try #require(grid.rows.first { $0.name == "d" })
        #expect(d.cells.map { $0?.durationMs } == [100, 100, 300])
        #expect(d.cells.map { $0?.status } == ["completed", "completed", "completed"])

        var options = TaskStatistics.Options()
        options.gridRuns = 2
        options.gridTasks = 3
        let small = try #require(TaskStatistics(table: Self.threeRuns(), scope: .latest, options: options).grid)
        #expect(small.runs == ["r2", "r3"] && small.rows.map(\.name) == ["a", "b", "c"] && small.taskCount == 8,
                "over r2 and r3, a, b, c, g and h failed once each")
        var one = TableBuilder()
        one.add(status: "failed", name: "a", durationMs: 1)
        #expect(TaskStatistics(table: one.table, scope: .latest).grid == nil, "one run: no grid")
    }

    @Test("tasks are matched across runs by group and name: a test of the same name in another class is another task")
    func identityIsGroupAndName() throws {
        var b = TableBuilder()
        b.add(status: "completed", group: "TestApi", name: "test_get", durationMs: 10, startedAt: 1, run: "r1")
        b.add(status: "failed", group: "TestDb", name: "test_get", durationMs: 10, startedAt: 1, run: "r1")
        b.add(status: "failed", group: "TestApi", name: "test_get", durationMs: 10, startedAt: 2, run: "r2")
        b.add(status: "failed", group: "TestDb", name: "test_get", durationMs: 10, startedAt: 2, run: "r2")
        let statistics = TaskStatistics(table: b.table, scope: .latest)
        let changes = try #require(statistics.changes)
        #expect(changes.newFailures.map(\.group) == ["TestApi"], "TestDb.test_get failed both nights")
        let grid = try #require(statistics.grid)
        #expect(grid.taskCount == 2)
        #expect(grid.rows.map { "\($0.group).\($0.name):\($0.failures)" } == ["TestDb.test_get:2", "TestApi.test_get:1"])
    }

    @Test("a task that needed retries is flaky with its attempts, not a regression, however slow its last attempt")
    func aRetryIsNotARegression() throws {
        var b = TableBuilder()
        b.add(status: "completed", name: "fetch", durationMs: 100, startedAt: 1, run: "r1", attempts: 1)
        b.add(status: "completed", name: "fetch", durationMs: 900, startedAt: 2, run: "r2", attempts: 2)
        b.add(status: "completed", name: "slow", durationMs: 100, startedAt: 1, run: "r1", attempts: 1)
        b.add(status: "completed", name: "slow", durationMs: 900, startedAt: 2, run: "r2", attempts: 1)
        let changes = try #require(TaskStatistics(table: b.table, scope: .latest).changes)
        #expect(changes.regressions.map(\.name) == ["slow"])
        #expect(changes.flaky.map(\.name) == ["fetch"] && changes.flaky[0].attempts == 2)
    }

    @Test("a nameless record is known by its id, and meets a named one of that name in the same group")
    func namelessMeetsNamed() throws {
        var b = TableBuilder()
        b.add(status: "completed", group: "g", durationMs: 10, startedAt: 1, run: "r1", id: "x")
        b.add(status: "completed", group: "g", name: "y", durationMs: 10, startedAt: 1, run: "r1")
        b.add(status: "failed", group: "g", name: "x", durationMs: 10, startedAt: 2, run: "r2")
        b.add(status: "failed", group: "g", durationMs: 10, startedAt: 2, run: "r2", id: "y")
        b.add(status: "completed", group: "g", name: "x", durationMs: 10, startedAt: 2, run: "r2")
        let statistics = TaskStatistics(table: b.table, scope: .latest)
        #expect(try #require(statistics.changes).newFailures.map(\.name) == ["x", "y"])
        #expect(try #require(statistics.grid).taskCount == 2)
        #expect(statistics.recentRuns.last?.tasks.map(\.key.name) == ["x", "y"], "x's two records are one task")
    }

    @Test("tasks are found alike when the pairs of codes fit a flat table and when they need a dictionary",
          arguments: [1, 40])
    func manyNamesAndGroups(groups: Int) throws {
        var b = TableBuilder()
        for (run, status) in [("r1", "completed"), ("r2", "failed")] {
            for i in 0..<40 {
                b.add(status: status, group: "g\(i % groups)", name: "t\(i)", durationMs: 1, startedAt: run == "r1" ? 1 : 2, run: run)
            }
        }
        let changes = try #require(TaskStatistics(table: b.table, scope: .latest).changes)
        #expect(changes.newFailureCount == 40)
    }
}
