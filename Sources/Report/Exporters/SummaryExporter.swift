import Stats
import SystemPackage
import Support

/// `summary.md`: a short Markdown summary for a CI job's summary page —
/// counts, success rate, p50/p95, gates, new failures and regressions.
/// Every string from the data is escaped for Markdown.
public struct SummaryExporter: ReportExporter {
    /// At most this many rows per table; the rest are counted.
    static let rowLimit = 20

    public init() {}

    public func files(for document: ReportDocument) -> [ReportFile] {
        [ReportFile(path: "summary.md", text: Self.markdown(document))]
    }

    /// The summary as Markdown text.
    public static func markdown(_ document: ReportDocument) -> String {
        let statistics = document.statistics
        func md(_ text: String) -> String { MarkupEscaping.markdown(text) }
        func duration(_ ms: Double?) -> String { HumanFormat.duration(milliseconds: ms) }
        var lines = ["## \(md(document.title))", ""]
        if let run = statistics.run { lines += ["Run \(md(run)), the latest of \(statistics.history?.runs.count ?? 1).", ""] }
        lines.append("**\(statistics.recordCount) tasks** · success rate **\(HumanFormat.percent(statistics.successRate))**"
            + " · p50 **\(duration(statistics.durations.p50Ms))** · p95 **\(duration(statistics.durations.p95Ms))**"
            + " · **\(statistics.failureCount)** failed or timed out")
        lines += ["", "| Status | Tasks |", "|---|---:|"]
        lines += statistics.statuses.map { "| \(md($0.label)) | \($0.count) |" }

        if !document.gates.isEmpty {
            lines += ["", "### Gates", ""]
            lines += document.gates.map { "- \($0.tripped ? "❌" : "✅") \(md($0.summary))" }
        }
        if let changes = statistics.changes {
            let against = document.baseline.map { "the baseline \(md($0))" }
                ?? (changes.baselineRun.isEmpty ? "the previous run" : "run \(md(changes.baselineRun))")
            lines += ["", "### Since \(against)", ""]
            lines.append("\(changes.newFailureCount) new failures · \(changes.fixedCount) fixed · "
                + "\(changes.flakyCount) flaky · \(changes.regressionCount) slower by more than "
                + HumanFormat.percent(changes.regressionThreshold))
            if !changes.newFailures.isEmpty {
                lines += ["", "| New failure | Group | Status | Error |", "|---|---|---|---|"]
                lines += changes.newFailures.prefix(rowLimit).map {
                    "| \(md($0.name)) | \(md($0.group)) | \(md($0.status)) | \(md(String($0.error.prefix(120)))) |"
                }
                lines += more(changes.newFailureCount)
            }
            if !changes.regressions.isEmpty {
                lines += ["", "| Slower task | Group | Before | Now | Change |", "|---|---|---:|---:|---:|"]
                lines += changes.regressions.prefix(rowLimit).map {
                    "| \(md($0.name)) | \(md($0.group)) | \(duration($0.baselineMs)) | \(duration($0.currentMs)) | "
                        + "\($0.growth.map { "+" + HumanFormat.percent($0) } ?? "new time") |"
                }
                lines += more(changes.regressionCount)
            }
        }
        return lines.joined(separator: "\n") + "\n"
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

    private static func more(_ count: Int) -> [String] {
        count > rowLimit ? ["", "…and \(count - rowLimit) more; see the report."] : []
    }
}
