import ArgumentParser
import Foundation
import Pipeline

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
        var request = NightlyRequest(taskFile: taskFile)
        request.store = db
        request.jobs = jobs
        request.title = title
        request.report = noReport ? nil : try report.request(inputs: nil, title: "")
        let job = try NightlyJob(request, toolVersion: TaskReport.version)
        let summary = try await StopSignals.cancelling { try await job.runTasks() }
        ReportSignals.install()  // the scheduler's own handling ended with the run
        let outcome = try job.report()
        if let outcome { ExitReport.show(outcome) }
        if summary.wasCancelled { throw ExitCode(130) }
        // With --fail-on the gates decide; otherwise any task that did not complete fails the run.
        let failed = outcome.map { report.failOn.isEmpty ? !summary.allCompleted : !$0.trippedGates.isEmpty }
            ?? !summary.allCompleted
        if failed { throw ExitCode(1) }
    }
}
