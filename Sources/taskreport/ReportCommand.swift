import ArgumentParser
import Report
import Stats

/// `taskreport report`: the HTML report with charts and stats.json.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write index.html, stats.json and charts/ into a folder, and print the path of index.html."
    )

    @OptionGroup var input: InputOptions

    @Option(name: .long, help: ArgumentHelp("The report folder; other files in it are left alone.", valueName: "dir"))
    var out = "Output"

    @Option(help: "The report's heading.")
    var title = "Task Report"

    @Option(help: ArgumentHelp("A folder of .mustache files replacing the built-in templates of the same name.", valueName: "dir"))
    var templates: String?

    func run() throws {
        let templateSet = try templates.map { path throws(ReportError) in try TemplateSet(folder: path) } ?? TemplateSet()
        let document = ReportDocument(
            title: title, inputs: input.inputs, statistics: try input.statistics(), toolVersion: TaskReport.version)
        let index = try ReportWriter(path: out, templates: templateSet).write(document)
        print(index)
    }
}
