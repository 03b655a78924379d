import Stats

/// `history.jsonl`: what the latest runs said about each task, for the next
/// report to take with `--history`, so that a CI job on a fresh runner that
/// downloads only the last report folder still compares with last night,
/// finds flaky tasks and draws the grid across runs.
///
/// One record of the record schema per task per run, oldest run first, each
/// task summed up as the changes see it (``Stats/RunDigest``): `run_id`, `id`
/// and `name` (the task's name, or its id when it has none), `group`,
/// `status`, `started_at` (its earliest start), `duration_ms` (the p95 of its
/// records' durations: its duration, with one record) and `attempts`. A run's
/// start is its tasks' earliest, and its outcome is their statuses. Any
/// reader of records reads the file, `taskreport report history.jsonl` too.
/// A run keeps at most ``Stats/RunDigest/historyLimit`` tasks, its failures first.
public struct HistoryExporter: ReportExporter {
    public init() {}

    public func files(for document: ReportDocument) -> [ReportFile] {
        let runs = document.statistics.recentRuns
        let generatedAt = document.generatedAt.timeIntervalSince1970
        return [ReportFile(path: "history.jsonl") { output in
            var line: [UInt8] = []
            line.reserveCapacity(256)
            for run in runs {
                let runId = Self.runId(of: run, generatedAt: generatedAt)
                for task in run.historyTasks {
                    line.removeAll(keepingCapacity: true)
                    Self.append(task, of: runId, to: &line)
                    output.write(bytes: line)
                }
            }
        }]
    }

    /// The run's id; for records that carry none (JUnit files, logs of one night), `run at` and its
    /// earliest start, or the report's time, so that next night's run, which has no id either, is
    /// another run.
    static func runId(of run: RunDigest, generatedAt: Double) -> String {
        guard run.runId.isEmpty else { return run.runId }
        return "run at " + ExportValue.time(run.tasks.compactMap(\.startedAt).min() ?? generatedAt)
    }

    /// One JSON line of a task of run `runId`.
    static func append(_ task: RunDigest.Task, of runId: String, to line: inout [UInt8]) {
        func field(_ name: String, _ write: (inout [UInt8]) -> Void) {
            line += Array((line.isEmpty ? "{\"" : ",\"").utf8) + Array(name.utf8) + Array("\":".utf8)
            write(&line)
        }
        func text(_ name: String, _ value: String) { field(name) { JSONString.append(value, to: &$0) } }
        text("run_id", runId)
        text("id", task.key.name)
        text("name", task.key.name)
        text("group", task.key.group)
        text("status", task.status)
        if let start = task.startedAt { text("started_at", ExportValue.time(start)) }
        if let duration = task.p95Ms { field("duration_ms") { $0 += Array(ExportValue.number(duration).utf8) } }
        if let attempts = task.attemptsNeeded ?? task.attempts { field("attempts") { $0 += Array(String(attempts).utf8) } }
        line += Array("}\n".utf8)
    }
}
