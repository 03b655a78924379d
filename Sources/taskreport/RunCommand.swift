import ArgumentParser
import Dispatch
import Foundation
import Ingest
import Report
import Scheduler
import Stats
import Store
import Support

/// `taskreport run`: the nightly job. Runs a task file, records every task in
/// the store as it finishes, then writes the report over the store.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a task file's tasks, record each in the store, then write the report.",
        discussion: """
            Exit status: 0 when every task completed, 1 when any did not (with --fail-on: when a gate trips \
            instead), 2 for a bad task file or usage, 130 when stopped by Ctrl-C or SIGTERM.
            """
    )

    @Argument(help: ArgumentHelp("The task file (JSON; see the README).", valueName: "task-file"))
    var taskFile: String

    @Option(help: ArgumentHelp("The SQLite store to record the run in.", valueName: "path"))
    var db = "Output/taskreport.sqlite"

    @Option(help: ArgumentHelp("Tasks at once; defaults to the task file's concurrency, else the number of cores.", valueName: "n"))
    var jobs: Int?

    @Flag(help: "Record the run but write no report.")
    var noReport = false

    @Option(help: "The report's heading; defaults to the task file's name.")
    var title: String?

    @OptionGroup var report: ReportOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
    }

    func run() async throws {
        let file = try TaskFile(path: taskFile)
        let run = RunRecord(
            id: Self.runID(), taskFile: taskFile, taskFileText: file.shareableText,
            host: ProcessInfo.processInfo.hostName, startedAt: Date())
        let scheduler = Scheduler(jobs: jobs ?? file.concurrency ?? ProcessInfo.processInfo.activeProcessorCount)
        let db = self.db
        let summary = try await StopSignals.cancelling {
            // The store and the observers live within the cancellable task.
            let store = try TaskStore(path: db)
            try store.begin(run)
            let observers: [any RunObserver] = [StoreRecorder(store: store, runID: run.id), ProgressLog()]
            let summary = try await scheduler.run(file, observers: observers)
            try store.finish(run: run.id, at: Date(), outcome: summary.outcome)
            return summary
        }

        var failsAGate = false
        if !noReport {
            ReportSignals.install()  // the scheduler's own handling ended with the run
            let document = try report.writeReport(
                loaded: try TaskLoader().read([.file(db)]), inputs: [db], scope: .latest, loader: TaskLoader(),
                title: title ?? file.name)
            failsAGate = document.failsAGate
        }
        if summary.wasCancelled { throw ExitCode(130) }
        if report.failOn.isEmpty || noReport ? !summary.allCompleted : failsAGate { throw ExitCode(1) }
    }

    /// A run id that sorts by time and does not collide: `20261124T013000Z-3f9a`.
    static func runID() -> String {
        let t = UTCTime(seconds: Date().timeIntervalSince1970)
        let stamp = "\(UTCTime.digits(t.year, 4))\(UTCTime.digits(t.month, 2))\(UTCTime.digits(t.day, 2))T"
            + "\(UTCTime.digits(t.hour, 2))\(UTCTime.digits(t.minute, 2))\(UTCTime.digits(t.second, 2))Z"
        let suffix = String(UInt16.random(in: .min ... .max), radix: 16)
        return stamp + "-" + String(repeating: "0", count: 4 - suffix.count) + suffix
    }
}
