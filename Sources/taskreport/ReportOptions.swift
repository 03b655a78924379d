import ArgumentParser
import Foundation
import Ingest
import Pipeline
import Report
import Stats
import Support

/// How a report is written, compared and judged; shared by `report` and `run`.
struct ReportOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The report folder; only the report's own files in it are replaced. Not empty, /, the home folder or a system folder.",
        valueName: "dir"))
    var out = "Output"

    @Option(help: ArgumentHelp("A folder of .mustache files replacing the built-in templates of the same name.", valueName: "dir"))
    var templates: String?

    @Option(help: ArgumentHelp(
        "Records to compare the latest run against (their latest run), instead of the run before it.", valueName: "file"))
    var baseline: String?

    @Option(help: ArgumentHelp(
        "A previous report folder, or its history.jsonl: its runs come before these, for the changes, flaky tasks, "
            + "the runs and the grid (CI runners without last night's store). Missing: a warning.", valueName: "path"))
    var history: String?

    @Option(help: ArgumentHelp("How much a task's p95 must grow to count as a regression.", valueName: "percent"))
    var regression = "25%"

    @Option(help: ArgumentHelp("Growth smaller than this is never a regression (noise).", valueName: "duration"))
    var regressionFloor = "100ms"

    @Option(help: ArgumentHelp(
        "The IANA time zone the page shows times in and the timeline's days, weeks and months follow, e.g. Europe/Berlin.",
        valueName: "name"))
    var timezone = "UTC"

    @Option(name: .customLong("fail-on"), help: ArgumentHelp(
        "Exit 1 after writing the report if this holds, e.g. failed>0, failure-rate>5%, new-failures>0, p95>30s, "
            + "regressions>0 (repeatable).", valueName: "expr"))
    var failOn: [String] = []

    @Option(help: ArgumentHelp(
        "Also append summary.md to this file, such as the one $GITHUB_STEP_SUMMARY names.", valueName: "path"))
    var summaryTo: String?

    @Flag(help: "One index.html with the stylesheet and charts inside (SVG inline, PNG as data URIs), no charts/ folder.")
    var singleFile = false

    @Option(help: ArgumentHelp(
        "The data files to write beside index.html, comma-separated; 'none' for none.", valueName: "files"))
    var exports = DataExport.allCases.map(\.rawValue).joined(separator: ",")

    func validate() throws {
        do {
            try OutputFolderRule.check(out)
        } catch {
            throw ValidationError(error.description)
        }
        _ = try gates()
        _ = try statisticsOptions()
        _ = try dataExports()
    }

    /// The `--fail-on` gates, parsed.
    func gates() throws -> [Gate] {
        do {
            return try failOn.map { text throws(GateError) in try Gate(text) }
        } catch {
            throw ValidationError("--fail-on \(error)")
        }
    }

    /// The statistics' options with `--regression` and `--regression-floor`.
    func statisticsOptions() throws -> TaskStatistics.Options {
        var options = TaskStatistics.Options()
        let percent = regression.hasSuffix("%") ? String(regression.dropLast()) : regression
        guard let value = Double(percent), value >= 0, value.isFinite else {
            throw ValidationError("--regression expects a percentage such as 25%, got '\(regression)'.")
        }
        options.regressionThreshold = value / 100
        guard let floor = DurationText.seconds(regressionFloor) else {
            throw ValidationError("--regression-floor expects a duration such as 100ms or 2s, got '\(regressionFloor)'.")
        }
        options.regressionFloorMs = floor * 1000
        guard let clock = LocalClock(identifier: timezone) else {
            throw ValidationError("--timezone '\(timezone)' is not a time zone name; use an IANA name such as UTC, "
                + "Europe/Berlin or America/New_York.")
        }
        options.clock = clock
        return options
    }

    /// The pipeline's request for a report of `inputs`, with these options.
    func request(inputs: InputOptions?, title: String) throws -> ReportRequest {
        var request = ReportRequest(inputs: inputs?.inputs ?? [], folder: out)
        request.loader = inputs?.loader ?? TaskLoader()
        request.scope = inputs?.scope ?? .latest
        request.title = title
        request.templates = templates
        request.baseline = baseline
        request.history = history
        request.statistics = try statisticsOptions()
        request.gates = try gates()
        request.exports = try dataExports()
        request.singleFile = singleFile
        request.summaryTo = summaryTo
        return request
    }

    func dataExports() throws -> [DataExport] {
        if exports == "none" { return [] }
        return try exports.split(separator: ",").map { name in
            guard let export = DataExport(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("--exports: unknown file '\(name)'; choose from "
                    + DataExport.allCases.map(\.rawValue).joined(separator: ", ") + " or none.")
            }
            return export
        }
    }
}
