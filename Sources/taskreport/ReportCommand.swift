import ArgumentParser
import Ingest
import Report
import Stats

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

    func run() throws {
        ReportSignals.install()
        let document = try report.writeReport(
            loaded: try input.loader.read(input.inputs.map(InputSource.init(argument:))), inputs: input.inputs, scope: input.scope, loader: input.loader, title: title)
        if document.failsAGate { throw ExitCode(1) }
    }
}
