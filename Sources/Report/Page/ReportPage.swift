import Charts
import Foundation
import Stats
import TaskModel

/// What the page templates see: every figure already formatted for people.
///
/// Plain strings, booleans and arrays only, so that any Mustache template can
/// use it without logic. Field names are the template's vocabulary and are
/// listed in the README. Mustache opens a section for any string, empty or
/// not, so optional parts come with a `has…` flag.
struct ReportPage {
    /// Long tables (groups, runs) show this many rows; the page stays light at any record count.
    static let tableLimit = 100

    let title: String
    let generatedAt: String
    let version: String
    let inputs: [String]
    let hasRecords: Bool
    let recordCount: String
    let cards: [Card]
    let charts: [Figure]
    /// Which run the page describes, when the records hold several.
    let scopeNote: String
    let hasScopeNote: Bool
    let gates: [GateRow]
    let hasGates: Bool
    let trippedNote: String
    let hasTripped: Bool
    let changes: Changes?
    let hasChanges: Bool
    let hasHistory: Bool
    let historyCharts: [Figure]
    let historyHeaders: [StatusRow]
    /// Newest first, at most ``tableLimit``.
    let runs: [RunRow]
    let runsNote: String
    let hasRunsNote: Bool
    let statuses: [StatusRow]
    let durations: [Metric]
    let groupHeaders: [StatusRow]
    let groups: [GroupRow]
    let hasGroups: Bool
    let groupsNote: String
    let hasGroupsNote: Bool
    let slowest: [TaskRow]
    let hasSlowest: Bool
    let failures: [TaskRow]
    let hasFailures: Bool
    let failureNote: String
    let hasFailureNote: Bool
    /// The data files written beside the page (`stats.json`, …), for links.
    let downloads: [String]

    /// - Parameters:
    ///   - document: What the page shows.
    ///   - inlineCharts: The drawn charts, for a single-file page; nil to link `charts/`.
    ///   - downloads: The data files written beside the page.
    init(
        _ document: ReportDocument, inlineCharts: [(kind: ChartKind, rendered: RenderedChart)]? = nil,
        downloads: [String] = []
    ) {
        self.downloads = downloads
        let s = document.statistics
        title = document.title
        generatedAt = document.generatedAtText
        version = document.toolVersion
        inputs = document.inputs
        hasRecords = s.recordCount > 0
        recordCount = HumanFormat.count(s.recordCount)
        cards = Self.cards(s)

        let figures = Self.figures(document, inline: inlineCharts)
        charts = figures.filter { !$0.kind.isHistory }.map(\.figure)
        historyCharts = figures.filter { $0.kind.isHistory }.map(\.figure)
        let history = s.history
        hasHistory = history != nil
        if let run = s.run, let history {
            scopeNote = "This page describes the latest run, \(run), of the \(history.runs.count) runs in the records;"
                + " --all-runs describes them together."
        } else {
            scopeNote = ""
        }
        hasScopeNote = !scopeNote.isEmpty

        gates = document.gates.map { result in
            GateRow(expression: result.gate.expression, measured: "\(result.gate.metric.rawValue) is \(result.measuredText)",
                    verdict: result.tripped ? "tripped" : "passed", tripped: result.tripped)
        }
        hasGates = !gates.isEmpty
        let tripped = gates.filter(\.tripped).count
        trippedNote = tripped == 0 ? "" : "\(tripped) of \(gates.count) gates tripped: this report fails its checks."
        hasTripped = tripped > 0
        changes = s.changes.map { Changes($0, baseline: document.baseline) }
        hasChanges = changes != nil

        historyHeaders = Self.statusRows(history?.statuses ?? [])
        let allRuns = (history?.runs ?? []).reversed()
        runs = allRuns.prefix(Self.tableLimit).map { run in
            RunRow(
                runId: run.runId, started: Self.time(run.startedAt), total: String(run.total),
                counts: run.counts.map(String.init), successRate: Self.percent(run.successRate),
                p95: Self.duration(run.p95Ms), p95Sort: Self.sortKey(run.p95Ms), isShown: run.runId == s.run)
        }
        runsNote = allRuns.count > runs.count ? "Showing the latest \(runs.count) of \(allRuns.count) runs; stats.json has them all." : ""
        hasRunsNote = !runsNote.isEmpty

        statuses = Self.statusRows(s.statuses)
        durations = Self.durationMetrics(s.durations)
        groupHeaders = statuses
        groups = s.groups.prefix(Self.tableLimit).map { group in
            GroupRow(name: group.name, total: String(group.total), successRate: Self.percent(group.successRate),
                     p50: Self.duration(group.p50Ms), p95: Self.duration(group.p95Ms),
                     p50Sort: Self.sortKey(group.p50Ms), p95Sort: Self.sortKey(group.p95Ms),
                     counts: group.counts.map(String.init))
        }
        hasGroups = s.groups.count > 1 || s.groups.first?.name != GroupStatistics.ungrouped
        groupsNote = s.groups.count > groups.count
            ? "Showing the \(groups.count) largest of \(s.groups.count) groups; stats.json has them all." : ""
        hasGroupsNote = !groupsNote.isEmpty

        slowest = s.slowest.map(Self.taskRow)
        hasSlowest = !slowest.isEmpty
        failures = s.failures.map(Self.taskRow)
        hasFailures = !failures.isEmpty
        failureNote = s.failureCount > s.failures.count
            ? "Showing the first \(s.failures.count) of \(s.failureCount) failures; stats.json counts them all." : ""
        hasFailureNote = !failureNote.isEmpty
    }

    private static func cards(_ s: TaskStatistics) -> [Card] {
        func card(_ label: String, _ value: String, _ detail: String, good: Bool?) -> Card {
            Card(label: label, value: value, detail: detail, tone: good.map { $0 ? "good" : "bad" } ?? "neutral",
                 mark: good.map { $0 ? "✓" : "!" } ?? "", toneText: good.map { $0 ? "(fine)" : "(needs attention)" } ?? "")
        }
        return [
            card("Tasks", HumanFormat.count(s.recordCount), "\(s.recordCount) records", good: nil),
            card("Success rate", percent(s.successRate), "completed of finished", good: (s.successRate ?? 1) >= 0.95),
            card("p50 duration", duration(s.durations.p50Ms), "median", good: nil),
            card("p95 duration", duration(s.durations.p95Ms), "95th percentile", good: nil),
            card("Failures", HumanFormat.count(s.failureCount), "failed or timed out", good: s.failureCount == 0),
        ]
    }

    private static func durationMetrics(_ d: DurationSummary) -> [Metric] {
        [("with duration", String(d.count)), ("without", String(d.missing)), ("min", duration(d.minMs)),
         ("mean", duration(d.meanMs)), ("std dev", duration(d.stddevMs)), ("p50", duration(d.p50Ms)),
         ("p90", duration(d.p90Ms)), ("p95", duration(d.p95Ms)), ("p99", duration(d.p99Ms)), ("max", duration(d.maxMs))]
            .map { Metric(label: $0.0, value: $0.1) }
    }

    private static func taskRow(_ entry: TaskEntry) -> TaskRow {
        TaskRow(
            id: entry.id, name: entry.name, group: entry.group, status: entry.status, kind: entry.kind.rawValue,
            color: statusColor(entry.kind), duration: duration(entry.durationMs), durationSort: sortKey(entry.durationMs),
            started: time(entry.startedAt), exitCode: entry.exitCode.map(String.init) ?? none,
            attempts: entry.attempts.map(String.init) ?? none, error: entry.error)
    }

    /// Status labels with their counts, shares and colours, in the order given.
    static func statusRows(_ statuses: [StatusCount]) -> [StatusRow] {
        zip(statuses, Color.statuses(statuses.map(\.kind))).map { status, color in
            StatusRow(label: status.label, kind: status.kind.rawValue, count: String(status.count),
                      share: HumanFormat.percent(status.share), color: color.hexString)
        }
    }

    static let none = "–"
    static func duration(_ ms: Double?) -> String { ms.map { HumanFormat.duration(milliseconds: $0) } ?? none }
    static func percent(_ ratio: Double?) -> String { ratio.map(HumanFormat.percent) ?? none }
    static func time(_ seconds: Double?) -> String { seconds.map { UTCTime(seconds: $0).rfc3339() } ?? none }
    /// A number for sorting; empty (sorted as text, before numbers) when absent.
    static func sortKey(_ value: Double?) -> String { value.map { String($0) } ?? "" }
    static func statusColor(_ kind: StatusKind) -> String {
        (Color.status(kind) ?? Color.statuses([.other])[0]).hexString
    }
}
