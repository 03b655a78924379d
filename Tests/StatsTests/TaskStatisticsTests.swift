import Foundation
import TaskModel
import Testing
import TestSupport

@testable import Stats

@Suite("statistics of a task table")
struct TaskStatisticsTests {
    /// 10 records: 6 completed-kind (two spellings), 2 failed, 1 timeout, 1 running; two groups.
    static let sample: TaskTable = {
        var b = TableBuilder()
        b.add(status: "success", group: "etl", durationMs: 100, startedAt: 1000)
        b.add(status: "completed", group: "etl", durationMs: 200, startedAt: 1010)
        b.add(status: "failed", group: "etl", durationMs: 50, startedAt: 1020, exitCode: 1, error: "boom")
        b.add(status: "completed", group: "build", durationMs: 400, startedAt: 1500)
        b.add(status: "weird", group: "build", durationMs: nil, startedAt: nil)
        b.add(status: "timeout", group: "build", durationMs: 900, startedAt: 1600, exitCode: 124)
        b.add(status: "completed", group: "build", durationMs: 300, startedAt: 1700)
        b.add(status: "running", group: "etl", durationMs: nil, startedAt: 1800)
        b.add(status: "FAILED", group: "build", durationMs: 10, startedAt: 1900, exitCode: 2)
        b.add(status: "completed", group: "build", durationMs: 250, startedAt: 1950)
        return b.table
    }()

    @Test("labels keep their spelling and are ordered by kind, then count, then label (byte order)")
    func statusOrder() {
        let s = TaskStatistics(table: Self.sample)
        #expect(s.statuses.map(\.label) == ["completed", "success", "FAILED", "failed", "timeout", "running", "weird"])
        #expect(s.statuses.map(\.count) == [4, 1, 1, 1, 1, 1, 1])
        #expect(s.statuses.map(\.kind) == [.completed, .completed, .failed, .failed, .timeout, .running, .other])
        #expect(abs(s.statuses[0].share - 0.4) < 1e-12)
    }

    @Test("success rate is completed over finished; running tasks are not finished")
    func successRate() {
        // finished: 10 - 1 running = 9; completed-kind: 5.
        #expect(TaskStatistics(table: Self.sample).successRate == 5.0 / 9.0)
    }

    @Test("records without a duration are counted apart and left out of every figure")
    func missingDurations() {
        let d = TaskStatistics(table: Self.sample).durations
        #expect(d.count == 8 && d.missing == 2)
        #expect(d.minMs == 10 && d.maxMs == 900)
        #expect(d.totalMs == 2210)
        // numpy.percentile([10,50,100,200,250,300,400,900], 50) == 225
        #expect(d.p50Ms == 225)
    }

    @Test("groups carry counts per status label, only labels they have, and their own percentiles")
    func groups() {
        let groups = TaskStatistics(table: Self.sample).groups
        #expect(groups.map(\.name) == ["build", "etl"])
        #expect(groups[0].counts == ["completed": 3, "FAILED": 1, "timeout": 1, "weird": 1])
        #expect(groups[0].total == 6)
        // build durations: 400, 900, 300, 10, 250 → median 300
        #expect(groups[0].p50Ms == 300)
        #expect(groups[1].successRate == 2.0 / 3.0)
    }

    @Test("records without a group gather under one name")
    func ungrouped() {
        var b = TableBuilder()
        b.add(status: "completed")
        #expect(TaskStatistics(table: b.table).groups.map(\.name) == [GroupStatistics.ungrouped])
    }

    @Test("the timeline uses a round bucket width and counts every record with a start time")
    func timeline() throws {
        let timeline = try #require(TaskStatistics(table: Self.sample).timeline)
        #expect(timeline.bucketSeconds == 30)  // 950 s span / 47 gaps ≈ 20.2 → next round width
        #expect(timeline.originSeconds == 990)
        #expect(timeline.missing == 1)
        #expect(timeline.buckets.flatMap(\.values).reduce(0, +) == 9)
        // 1000 and 1010 fall in the first 30 s bucket from 990: one success, one completed.
        #expect(timeline.buckets[0] == ["success": 1, "completed": 1])
    }

    @Test("slowest tasks come longest first; failures list failed and timed-out records in input order")
    func lists() {
        let s = TaskStatistics(table: Self.sample)
        #expect(s.slowest.map(\.durationMs) == [900, 400, 300, 250, 200, 100, 50, 10])
        #expect(s.failures.map(\.id) == ["t3", "t6", "t9"])
        #expect(s.failures.first?.error == "boom")
        #expect(s.failures.map(\.exitCode) == [1, 124, 2])
        #expect(s.failureCount == 3)
    }

    @Test("the failure list is capped but the count is not")
    func failureLimit() {
        var b = TableBuilder()
        for _ in 0..<5 { b.add(status: "failed") }
        var options = TaskStatistics.Options()
        options.failureLimit = 2
        let s = TaskStatistics(table: b.table, options: options)
        #expect(s.failures.count == 2 && s.failureCount == 5)
    }

    @Test("the log histogram counts every duration, zeros in the first bin, no empty end bins")
    func logHistogram() throws {
        var b = TableBuilder()
        for ms in [0.0, 0, 3, 40, 41, 700, 12_000] { b.add(status: "completed", durationMs: ms) }
        let h = try #require(TaskStatistics(table: b.table).logHistogram)
        #expect(h.counts.reduce(0, +) == 7)
        #expect(h.counts.first! >= 2 && h.counts.last! > 0)
        #expect(h.edgesMs.count == h.counts.count + 1)
    }

    @Test("an empty table has zero records and no figures")
    func empty() {
        let s = TaskStatistics(table: TaskTable())
        #expect(s.recordCount == 0 && s.statuses.isEmpty && s.successRate == nil)
        #expect(s.durations.p50Ms == nil && s.logHistogram == nil && s.timeline == nil)
    }
}

/// Status words of the big schedulers, as each writes them, and the kind each is.
@Suite("status words of Slurm, GitHub, Airflow, Kubernetes, Jenkins and JUnit")
struct StatusWordTests {
    @Test("each is read as its kind, whatever its case", arguments: [
        ("COMPLETED", StatusKind.completed), ("FAILED", .failed), ("TIMEOUT", .timeout), ("CANCELLED by 1042", .cancelled),
        ("OUT_OF_MEMORY", .failed), ("NODE_FAIL", .failed), ("PREEMPTED", .cancelled), ("BOOT_FAIL", .failed),
        ("DEADLINE", .timeout), ("REQUEUED", .pending),
        ("success", .completed), ("failure", .failed), ("cancelled", .cancelled), ("skipped", .skipped),
        ("timed_out", .timeout), ("neutral", .skipped), ("action_required", .pending), ("startup_failure", .failed),
        ("upstream_failed", .failed), ("up_for_retry", .pending), ("shutdown", .cancelled), ("restarting", .running),
        ("Pending", .pending), ("Running", .running), ("Succeeded", .completed), ("Failed", .failed), ("Unknown", .other),
        ("SUCCESS", .completed), ("UNSTABLE", .failed), ("ABORTED", .cancelled), ("NOT_BUILT", .skipped),
        ("passed", .completed), ("error", .failed), ("disabled", .skipped),
        ("none", .other), ("weird words", .other),
    ])
    func kinds(label: String, kind: StatusKind) {
        #expect(StatusKind(label: label) == kind)
        #expect(StatusKind(label: label.lowercased()) == kind)
    }
}
