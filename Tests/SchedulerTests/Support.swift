import Foundation
import Glibc
import Scheduler
import Store

/// Collects what the scheduler reports, in order.
final class Recorder: RunObserver {
    var records: [TaskRecord] = []
    var maximumRunning = 0

    func started(_ task: TaskSpec, running: [String]) {
        maximumRunning = max(maximumRunning, running.count)
    }

    func finished(_ task: TaskRecord, done: Int, of total: Int) {
        records.append(task)
    }

    subscript(id: String) -> TaskRecord { records.first { $0.id == id }! }
}

/// Parses a task file given as JSON text.
func taskFile(_ json: String) throws -> TaskFile {
    try TaskFile(path: "test.json", contents: Data(json.utf8))
}

/// Runs `json`'s tasks with `jobs` at once and a short grace period.
func run(_ json: String, jobs: Int = 4, grace: Duration = .milliseconds(300)) async throws -> (RunSummary, Recorder) {
    let recorder = Recorder()
    let summary = try await Scheduler(jobs: jobs, grace: grace).run(try taskFile(json), observers: [recorder])
    return (summary, recorder)
}

/// Whether a process with this id exists (zombies aside, it has not been reaped).
func isAlive(_ pid: Int32) -> Bool {
    kill(pid, 0) == 0
}

/// The pid written into `path`, once the file holds one.
func readPID(_ path: String) -> Int32? {
    (try? String(contentsOfFile: path, encoding: .utf8)).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
}

/// Waits until `condition` holds, for at most `seconds`.
func waitUntil(seconds: Double = 10, _ condition: () -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return condition()
}
