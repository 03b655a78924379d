import Stats
import SystemPackage
import Support
import TaskModel

/// `summary.md`: a short Markdown summary for a CI job's summary page —
/// counts, success rate, p50/p95, gates, every failed task by name (the
/// first 20), new failures and regressions. Every string from the data is
/// escaped for Markdown, and the whole stays under ``byteLimit`` whatever
/// the input, far below GitHub's 1 MiB cap on a step summary.
public struct SummaryExporter: ReportExporter {
    /// At most this many rows per table; the rest are counted.
    static let rowLimit = 20
    /// Names are cut to this many scalars, errors to their first line of at most ``errorLimit``.
    static let nameLimit = 100
    static let errorLimit = 120
    /// The summary's size at most, in bytes.
    static let byteLimit = 64 * 1024

    public init() {}

    public func files(for document: ReportDocument) -> [ReportFile] {
        [ReportFile(path: "summary.md", text: Self.markdown(document))]
    }

    /// The summary as Markdown text.
    public static func markdown(_ document: ReportDocument) -> String {
        let statistics = document.statistics
        var lines = ["## \(md(document.title))", ""]
        if let run = statistics.run { lines += ["Run \(md(run)), the latest of \(statistics.history?.runs.count ?? 1).", ""] }
        lines.append("**\(Plural.count(statistics.recordCount, "task"))** · success rate **\(HumanFormat.percent(statistics.successRate, absent: "n/a"))**"
            + " · p50 **\(duration(statistics.durations.p50Ms))** · p95 **\(duration(statistics.durations.p95Ms))**"
            + " · **\(statistics.failureCount)** failed or timed out")
        lines += ["", "| Status | Tasks |", "|---|---:|"]
        lines += StatusColumns(statistics.statuses).columns.map { "| \(md($0.label)) | \($0.count) |" }

        if !document.gates.isEmpty {
            lines += ["", "### Gates", ""]
            lines += document.gates.map { "- \($0.evaluated ? ($0.tripped ? "❌" : "✅") : "⚠️") \(md($0.summary))" }
        }
        lines += failures(document)
        if let changes = statistics.changes { lines += self.changes(changes, baseline: document.baseline) }
        return bounded(lines)
    }

    /// Every failed task of the described run, new or not: the first ``rowLimit`` with the first line of their error.
    private static func failures(_ document: ReportDocument) -> [String] {
        let rows = document.failedRows
        guard !rows.isEmpty else { return [] }
        let records = document.records
        var lines = ["", "### \(Plural.count(rows.count, "failed task"))", "", "| Task | Group | Status | Error |", "|---|---|---|---|"]
        lines += rows.prefix(rowLimit).map { row in
            let name = records.name[row].isEmpty ? records.id[row] : records.name[row]
            return "| \(md(cut(name))) | \(md(cut(records.group[row]))) | \(md(cut(records.status[row]))) | "
                + "\(md(why(document, row: row))) |"
        }
        return lines + more(rows.count)
    }

    private static func changes(_ changes: RunChanges, baseline: String?) -> [String] {
        let against = baseline.map { "the baseline \(md(cut($0)))" }
            ?? (changes.baselineRun.isEmpty ? "the previous run" : "run \(md(cut(changes.baselineRun)))")
        var lines = ["", "### Since \(against)", ""]
        lines.append("\(Plural.count(changes.newFailureCount, "new failure")) · \(changes.fixedCount) fixed · "
            + "\(changes.flakyCount) flaky · \(changes.regressionCount) slower by more than "
            + HumanFormat.percent(changes.regressionThreshold))
        if !changes.newFailures.isEmpty {
            lines += ["", "| New failure | Group | Status | Error |", "|---|---|---|---|"]
            lines += changes.newFailures.prefix(rowLimit).map {
                "| \(md(cut($0.name))) | \(md(cut($0.group))) | \(md(cut($0.status))) | \(md(firstLine($0.error))) |"
            }
            lines += more(changes.newFailureCount)
        }
        if !changes.regressions.isEmpty {
            lines += ["", "| Slower task | Group | Before | Now | Change |", "|---|---|---:|---:|---:|"]
            lines += changes.regressions.prefix(rowLimit).map {
                "| \(md(cut($0.name))) | \(md(cut($0.group))) | \(duration($0.baselineMs)) | \(duration($0.currentMs)) | "
                    + "\($0.growth.map { "+" + HumanFormat.percent($0) } ?? "new time") |"
            }
            lines += more(changes.regressionCount)
        }
        return lines
    }

    /// Why the task of `row` failed, in one line of at most ``errorLimit`` scalars: the first line of its
    /// error (or its exit code), then the last line it wrote (``TaskModel/TaskAttempt/lastLine(besides:)``), when that says more.
    static func why(_ document: ReportDocument, row: Int) -> String {
        let records = document.records
        let exit = records.exitCode[row] == TaskTable.missingInteger ? "" : "exit \(records.exitCode[row])"
        let error = firstLine(records.error[row])
        let written = document.attempts(ofRow: row).first?.lastLine(besides: records.error[row]) ?? ""
        let parts = [error.isEmpty ? exit : error, written].filter { !$0.isEmpty }
        return DisplayText.line(parts.joined(separator: ": "), limit: errorLimit)
    }

    /// The lines joined, stopping before the one that would take the summary past ``byteLimit``.
    static func bounded(_ lines: [String]) -> String {
        let ending = "\n…the summary stops here to stay under 64 KiB; see the report.\n"
        var text = "", bytes = 0
        for line in lines {
            let size = line.utf8.count + 1
            guard bytes + size + ending.utf8.count <= byteLimit else { return text + ending }
            text += line + "\n"
            bytes += size
        }
        return text
    }

    /// The first line of `text`, cut to ``errorLimit`` scalars.
    static func firstLine(_ text: String) -> String {
        let line = text.unicodeScalars.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: true).first
        return DisplayText.line(line.map { String(String.UnicodeScalarView($0)) } ?? "", limit: errorLimit)
    }

    private static func cut(_ text: String) -> String { DisplayText.cut(text, to: nameLimit) }
    private static func md(_ text: String) -> String { MarkupEscaping.markdown(text) }
    private static func duration(_ ms: Double?) -> String { HumanFormat.duration(milliseconds: ms) }

    private static func more(_ count: Int) -> [String] {
        count > rowLimit ? ["", "…and \(count - rowLimit) more; see the report."] : []
    }

    /// Appends the summary of `document` to the file at `path` (created when absent), such as the
    /// one `$GITHUB_STEP_SUMMARY` names.
    /// - Throws: ``ReportError/cannotAppendSummary(path:reason:)`` when not every byte reached the file (a full disk).
    public static func append(_ document: ReportDocument, to path: String) throws(ReportError) {
        do {
            let file = try FileDescriptor.open(
                FilePath(path), .writeOnly, options: [.append, .create, .closeOnExec], permissions: [.ownerReadWrite, .groupRead, .otherRead])
            try file.closeAfter { _ = try file.writeAll(markdown(document).utf8) }
        } catch {
            throw .cannotAppendSummary(path: path, reason: (error as? Errno).map(\.description) ?? "\(error)")
        }
    }
}
