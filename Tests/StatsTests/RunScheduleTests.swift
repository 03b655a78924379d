import Stats
import TaskModel
import Testing
import TestSupport

/// A run laid out in time: bars, attempts, the critical path, and how many ran at once.
@Suite("a run over time, for the Gantt chart")
struct RunScheduleTests {
    static let t0 = 1_795_482_000.0

    /// A diamond: a → b, a → c, b and c → d, and e alone; c ends after b, so the path runs through c.
    static func diamond() -> (TaskTable, [String: [String]]) {
        var b = TableBuilder()
        b.add(status: "completed", startedAt: t0, id: "a", finishedAt: t0 + 2)
        b.add(status: "completed", durationMs: 1000, startedAt: t0 + 2, id: "b")  // no finish: start + duration
        b.add(status: "failed", startedAt: t0 + 2, id: "c", finishedAt: t0 + 5)
        b.add(status: "completed", startedAt: t0 + 5, id: "d", finishedAt: t0 + 6)
        b.add(status: "completed", startedAt: t0 + 1, id: "e", finishedAt: t0 + 3)
        b.add(status: "skipped", id: "f")
        return (b.table, ["b": ["a"], "c": ["a"], "d": ["b", "c"]])
    }

    @Test("each task with a start is a bar by start time; one without is counted and named")
    func bars() {
        let (table, needs) = Self.diamond()
        let schedule = RunSchedule(table: table, rows: Array(0..<table.count), needs: needs)
        #expect(schedule.tasks.map(\.id) == ["a", "e", "b", "c", "d"])
        #expect(schedule.taskCount == 5 && schedule.withoutStart == 1 && schedule.withoutStartNames == ["f"])
        #expect(schedule.tasks[2].span == RunSchedule.Span(start: Self.t0 + 2, end: Self.t0 + 3), "b ends at start + duration")
        #expect(schedule.span == RunSchedule.Span(start: Self.t0, end: Self.t0 + 6))
        #expect(schedule.concurrency == nil)
    }

    @Test("the critical path is the chain of needs that ended last, back from the task that finished last")
    func criticalPath() {
        let (table, needs) = Self.diamond()
        let schedule = RunSchedule(table: table, rows: Array(0..<table.count), needs: needs)
        #expect(schedule.criticalPath == ["a", "c", "d"])
        #expect(schedule.tasks.filter(\.onCriticalPath).map(\.id) == ["a", "c", "d"])
        #expect(RunSchedule(table: table, rows: Array(0..<table.count)).criticalPath.isEmpty, "no needs, no path")
        let loop = RunSchedule(table: table, rows: Array(0..<table.count), needs: ["d": ["c"], "c": ["d"]])
        #expect(loop.criticalPath == ["c", "d"], "a cycle in needs ends the walk instead of looping")
    }

    @Test("a retried task's stored attempts are its segments, first first, each with its own status")
    func attempts() {
        var b = TableBuilder()
        b.add(status: "completed", startedAt: Self.t0, run: "r", id: "flaky", finishedAt: Self.t0 + 10)
        let table = b.table
        let stored = [TaskAttempt.key(run: "r", id: "flaky"): [
            TaskAttempt(number: 2, status: "completed", startedAt: Self.t0 + 8, finishedAt: Self.t0 + 10),
            TaskAttempt(number: 1, status: "failed", startedAt: Self.t0, finishedAt: Self.t0 + 3),
        ]]
        let task = RunSchedule(table: table, rows: [0], attempts: stored).tasks[0]
        #expect(task.attempts.map(\.span.start) == [Self.t0, Self.t0 + 8])
        #expect(task.attempts.map(\.kind) == [.failed, .completed])
        #expect(RunSchedule(table: table, rows: [0]).tasks[0].attempts.count == 1, "without the store, one segment")
    }

    @Test("beyond the bar limit, failures and the critical path come first, then the longest")
    func mostThatMatter() {
        var b = TableBuilder()
        for i in 0..<10 {
            b.add(status: i == 7 ? "failed" : "completed", startedAt: Self.t0 + Double(i), id: "t\(i)",
                  finishedAt: Self.t0 + Double(i) + Double(i + 1))
        }
        var limits = RunSchedule.Limits()
        limits.bars = 3
        let schedule = RunSchedule(table: b.table, rows: Array(0..<10), needs: ["t5": ["t0"]], limits: limits)
        // t7 failed; t9 finished last, and has no needs: the path is t9 alone; then the longest, t8.
        #expect(schedule.tasks.map(\.id) == ["t7", "t8", "t9"])
        #expect(schedule.taskCount == 10)
    }

    @Test("a run of many tasks becomes how many ran at once, checked against a direct count")
    func concurrency() throws {
        var b = TableBuilder()
        // 400 tasks: task i runs from i·0.5 s for 10 s.
        for i in 0..<400 { b.add(status: "completed", startedAt: Self.t0 + Double(i) * 0.5, finishedAt: Self.t0 + Double(i) * 0.5 + 10) }
        let schedule = RunSchedule(table: b.table, rows: Array(0..<400))
        #expect(schedule.tasks.isEmpty)
        let concurrency = try #require(schedule.concurrency)
        #expect(concurrency.running.count <= RunSchedule.Limits().buckets)
        // The time tasks spent running in each bucket, summed task by task over fine steps.
        for (k, average) in concurrency.running.enumerated() {
            let low = concurrency.originSeconds + Double(k) * concurrency.bucketSeconds
            let high = low + concurrency.bucketSeconds
            var time = 0.0
            for i in 0..<400 {
                let start = Self.t0 + Double(i) * 0.5, end = start + 10
                time += max(0, min(end, high) - max(start, low))
            }
            #expect(abs(average - time / concurrency.bucketSeconds) < 1e-6, "bucket \(k)")
        }
        #expect(abs(concurrency.running.max()! - 20) < 1e-6, "20 tasks overlap in the steady state")
    }
}
