import ArgumentParser
import Pipeline

/// `taskreport report`: the HTML report with charts and the data exports.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write index.html, charts/ and the data exports into a folder, and print the path of index.html.",
        discussion: """
            Exit status: 0, or 1 when a --fail-on gate trips (the report is written either way), \
            2 for bad input or usage.
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var report: ReportOptions

    @Option(help: "The report's heading.")
    var title = "Task Report"

    @Flag(help: "Also print on standard error how long each stage took: reading, statistics, writing.")
    var timings = false

    func run() throws {
        ReportSignals.install()
        let outcome = try ReportJob(try report.request(inputs: input, title: title), toolVersion: TaskReport.version).run()
        ExitReport.show(outcome)
        if timings { ExitReport.warn("timings: \(outcome.timings.summary)") }
        if !outcome.trippedGates.isEmpty { throw ExitCode(1) }
    }
}
