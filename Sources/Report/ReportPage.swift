import Charts
import Foundation
import Stats
import TaskModel

/// What the page templates see: every figure already formatted for people.
///
/// Plain strings, booleans and arrays only, so that any Mustache template can
/// use it without logic. Field names are the template's vocabulary and are
/// listed in the README.
struct ReportPage {
    struct Card {
        let label: String
        let value: String
        let detail: String
        /// `good`, `bad` or `neutral`: a CSS class.
        let tone: String
    }

    struct Figure {
        let name: String
        let title: String
        let svg: String
        let png: String
        let alt: String
        let width: Int
        let height: Int
    }

    struct StatusRow {
        let label: String
        let kind: String
        let count: String
        let share: String
        let color: String
    }

    struct Metric {
        let label: String
        let value: String
    }

    struct GroupRow {
        let name: String
        let total: String
        let successRate: String
        let p50: String
        let p95: String
        let counts: [String]
    }

    struct RunRow {
        let runId: String
        let started: String
        let total: String
        let counts: [String]
        let successRate: String
        let p95: String
        /// The run the rest of the page describes.
        let isShown: Bool
    }

    struct TaskRow {
        let id: String
        let name: String
        let group: String
        let status: String
        let kind: String
        let color: String
        let duration: String
        let started: String
        let exitCode: String
        let attempts: String
        let error: String
    }

    let title: String
    let generatedAt: String
    let version: String
    let inputs: [String]
    let hasRecords: Bool
    let recordCount: String
    let cards: [Card]
    let charts: [Figure]
    /// Which run the page describes, when the records hold several; empty otherwise.
    let scopeNote: String
    /// Mustache opens a section for any string, empty or not: these say whether a note exists.
    let hasScopeNote: Bool
    let hasFailureNote: Bool
    let hasHistory: Bool
    let historyChart: [Figure]
    let historyHeaders: [StatusRow]
    /// Newest first.
    let runs: [RunRow]
    let statuses: [StatusRow]
    let durations: [Metric]
    let groupHeaders: [StatusRow]
    let groups: [GroupRow]
    let hasGroups: Bool
    let slowest: [TaskRow]
    let hasSlowest: Bool
    let failures: [TaskRow]
    let hasFailures: Bool
    let failureNote: String

    init(_ document: ReportDocument) {
        let s = document.statistics
        let none = "–"
        func duration(_ ms: Double?) -> String { ms.map { HumanFormat.duration(milliseconds: $0) } ?? none }
        func percent(_ ratio: Double?) -> String { ratio.map(HumanFormat.percent) ?? none }

        title = document.title
        generatedAt = document.generatedAtText
        version = document.toolVersion
        inputs = document.inputs
        hasRecords = s.recordCount > 0
        recordCount = HumanFormat.count(s.recordCount)
        let failures = s.statuses.filter { $0.kind.isFailure }.reduce(0) { $0 + $1.count }
        cards = [
            Card(label: "Tasks", value: HumanFormat.count(s.recordCount), detail: "\(s.recordCount) records", tone: "neutral"),
            Card(label: "Success rate", value: percent(s.successRate), detail: "completed of finished",
                 tone: (s.successRate ?? 1) >= 0.95 ? "good" : "bad"),
            Card(label: "p50 duration", value: duration(s.durations.p50Ms), detail: "median", tone: "neutral"),
            Card(label: "p95 duration", value: duration(s.durations.p95Ms), detail: "95th percentile", tone: "neutral"),
            Card(label: "Failures", value: HumanFormat.count(failures), detail: "failed or timed out",
                 tone: failures == 0 ? "good" : "bad"),
        ]
        let figures = document.charts.map { kind, chart in
            (kind, Figure(
                name: kind.rawValue, title: chart.title,
                svg: ChartExporter.path(kind, extension: "svg"), png: ChartExporter.path(kind, extension: "png"),
                alt: chart.textAlternative, width: Int(ChartRenderer.width), height: Int(ChartRenderer.height)))
        }
        charts = figures.filter { $0.0 != .history }.map(\.1)
        historyChart = figures.filter { $0.0 == .history }.map(\.1)
        let history = s.history
        hasHistory = history != nil
        if let run = s.run, let history {
            scopeNote = "This page describes the latest run, \(run), of the \(history.runs.count) runs in the records;"
                + " --all-runs describes them together."
        } else {
            scopeNote = ""
        }
        hasScopeNote = !scopeNote.isEmpty
        historyHeaders = Self.statusRows(history?.statuses ?? [])
        func time(_ seconds: Double?) -> String {
            seconds.map { UTCTime(seconds: $0).rfc3339() } ?? none
        }
        statuses = Self.statusRows(s.statuses)
        let d = s.durations
        durations = [
            Metric(label: "with duration", value: String(d.count)),
            Metric(label: "without", value: String(d.missing)),
            Metric(label: "min", value: duration(d.minMs)),
            Metric(label: "mean", value: duration(d.meanMs)),
            Metric(label: "std dev", value: duration(d.stddevMs)),
            Metric(label: "p50", value: duration(d.p50Ms)),
            Metric(label: "p90", value: duration(d.p90Ms)),
            Metric(label: "p95", value: duration(d.p95Ms)),
            Metric(label: "p99", value: duration(d.p99Ms)),
            Metric(label: "max", value: duration(d.maxMs)),
        ]
        groupHeaders = statuses
        groups = s.groups.map { group in
            GroupRow(name: group.name, total: String(group.total), successRate: percent(group.successRate),
                     p50: duration(group.p50Ms), p95: duration(group.p95Ms), counts: group.counts.map(String.init))
        }
        hasGroups = s.groups.count > 1 || s.groups.first?.name != GroupStatistics.ungrouped
        func row(_ entry: TaskEntry) -> TaskRow {
            TaskRow(
                id: entry.id, name: entry.name, group: entry.group, status: entry.status, kind: entry.kind.rawValue,
                color: (Color.status(entry.kind) ?? Color.statuses([.other])[0]).hexString,
                duration: duration(entry.durationMs),
                started: time(entry.startedAt),
                exitCode: entry.exitCode.map(String.init) ?? none, attempts: entry.attempts.map(String.init) ?? none,
                error: entry.error)
        }
        runs = (history?.runs ?? []).reversed().map { run in
            RunRow(
                runId: run.runId,
                started: time(run.startedAt),
                total: String(run.total), counts: run.counts.map(String.init), successRate: percent(run.successRate),
                p95: duration(run.p95Ms), isShown: run.runId == s.run)
        }
        slowest = s.slowest.map(row)
        hasSlowest = !slowest.isEmpty
        self.failures = s.failures.map(row)
        hasFailures = !self.failures.isEmpty
        failureNote = s.failureCount > s.failures.count
            ? "Showing the first \(s.failures.count) of \(s.failureCount) failures; stats.json counts them all." : ""
        hasFailureNote = !failureNote.isEmpty
    }

    /// Status labels with their counts, shares and colours, in the order given.
    private static func statusRows(_ statuses: [StatusCount]) -> [StatusRow] {
        zip(statuses, Color.statuses(statuses.map(\.kind))).map { status, color in
            StatusRow(label: status.label, kind: status.kind.rawValue, count: String(status.count),
                      share: HumanFormat.percent(status.share), color: color.hexString)
        }
    }
}
