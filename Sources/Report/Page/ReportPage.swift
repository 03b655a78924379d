import Charts
import Foundation
import Stats
import Support
import TaskModel

/// What the page templates see: every figure already formatted for people
/// and escaped for HTML.
///
/// Text is ``HTMLText`` only, beside booleans and arrays, so that any Mustache
/// template can use it without logic and no text from the data reaches the
/// page unescaped. Field names are the template's vocabulary and are listed
/// in `Templates/README.md`. Mustache opens a section for any non-empty text,
/// so optional parts come with a `has…` flag as well.
struct ReportPage: TemplateObject {
    let title: HTMLText
    let generatedAt: HTMLText
    /// The zone every time on the page is shown in (`--timezone`): `UTC`, `Europe/Berlin`.
    let timeZone: HTMLText
    let version: HTMLText
    let inputs: [HTMLText]
    let hasRecords: Bool
    let recordCount: HTMLText
    let cards: [Card]
    let charts: [Figure]
    /// Which run the page describes, when the records hold several.
    let scopeNote: HTMLText
    let hasScopeNote: Bool
    let gates: [GateRow]
    let hasGates: Bool
    let trippedNote: HTMLText
    let hasTripped: Bool
    let changes: Changes?
    let hasChanges: Bool
    let hasHistory: Bool
    let historyCharts: [Figure]
    let historyHeaders: [StatusRow]
    /// Newest first, as many as ``PageList`` allows.
    let runs: [RunRow]
    let runsNote: HTMLText
    let hasRunsNote: Bool
    /// At most ``StatusColumns/defaultLimit``: beyond that the last row stands for the rest.
    let statuses: [StatusRow]
    let statusesNote: HTMLText
    let hasStatusesNote: Bool
    let durations: [Metric]
    let groupHeaders: [StatusRow]
    let groups: [GroupRow]
    let hasGroups: Bool
    let groupsNote: HTMLText
    let hasGroupsNote: Bool
    let slowest: [TaskRow]
    let hasSlowest: Bool
    /// The described run's failures, each with its output, in input order (``FailureListing``).
    let failures: [FailureEntry]
    let hasFailures: Bool
    let failureCount: HTMLText
    let failureNote: HTMLText
    let hasFailureNote: Bool
    /// With more than ``FailureListing/breakdownThreshold`` failures: counts by group and by name.
    let hasFailureBreakdown: Bool
    let failuresByGroup: [CountRow]
    let failuresByName: [CountRow]
    let failureBreakdownNote: HTMLText
    let hasFailureBreakdownNote: Bool
    /// Every task of the described run, most severe first (``TaskListing``).
    let tasks: [TaskListRow]
    let hasTasks: Bool
    let taskCount: HTMLText
    let tasksNote: HTMLText
    let hasTasksNote: Bool
    /// The Gantt chart (or, for a run of many tasks, how many ran at once); nil without start times.
    let gantt: Figure?
    let hasGantt: Bool
    /// Why there is no Gantt chart; empty when there is one.
    let ganttNote: HTMLText
    let hasGanttNote: Bool
    /// The task × run grid, for records of two or more runs.
    let gridRuns: [GridRun]
    let gridRows: [GridRow]
    let hasGrid: Bool
    let gridNote: HTMLText
    let hasGridNote: Bool
    /// The data files written beside the page (`stats.json`, …), for links.
    let downloads: [HTMLText]

    /// - Parameters:
    ///   - document: What the page shows.
    ///   - inlineCharts: The drawn charts, for a single-file page; nil to link `charts/`.
    ///   - downloads: The data files written beside the page.
    init(
        _ document: ReportDocument, inlineCharts: [(kind: ChartKind, rendered: RenderedChart)]? = nil,
        downloads: [String] = []
    ) {
        self.downloads = downloads.map { HTMLText($0) }
        let statistics = document.statistics
        title = .label(document.title)
        generatedAt = Self.time(document.generatedAt.timeIntervalSince1970, clock: statistics.clock)
        timeZone = .label(statistics.timeZone)
        version = HTMLText(document.toolVersion)
        inputs = document.inputs.map(HTMLText.label)
        hasRecords = statistics.recordCount > 0
        recordCount = HTMLText(HumanFormat.count(statistics.recordCount))
        cards = Self.cards(statistics)

        let figures = Self.figures(document, inline: inlineCharts)
        charts = figures.filter { !$0.kind.isHistory && $0.kind != .gantt }.map(\.figure)
        gantt = figures.first { $0.kind == .gantt }?.figure
        hasGantt = gantt != nil
        ganttNote = gantt != nil || !hasRecords ? .empty : HTMLText("No task of this run has a start time, so there is no chart of them over time.")
        hasGanttNote = !ganttNote.isNull
        historyCharts = figures.filter { $0.kind.isHistory }.map(\.figure)
        let history = statistics.history
        hasHistory = history != nil
        scopeNote = Self.scopeNote(statistics, withHistory: document.history != nil)
        hasScopeNote = !scopeNote.isNull

        gates = document.gates.map { result in
            GateRow(expression: HTMLText(result.gate.expression),
                    measured: HTMLText(result.reason ?? "\(result.gate.metric.rawValue) is \(result.measuredText)"),
                    verdict: HTMLText(result.evaluated ? result.verdict : "unevaluated"),
                    label: HTMLText("\(result.mark) \(result.verdict)"), tripped: result.tripped, evaluated: result.evaluated)
        }
        hasGates = !gates.isEmpty
        let tripped = gates.filter(\.tripped).count
        trippedNote = tripped == 0 ? .empty : HTMLText("\(tripped) of \(Plural.count(gates.count, "gate")) tripped: this report fails its checks.")
        hasTripped = tripped > 0
        changes = statistics.changes.map { Changes($0, baseline: document.baseline) }
        hasChanges = changes != nil

        let historyColumns = StatusColumns(history?.statuses ?? [])
        historyHeaders = Self.statusRows(historyColumns)
        let allRuns = (history?.runs ?? []).reversed()
        runs = PageList.rows(allRuns) { run in
            RunRow(
                runId: .label(run.runId.isEmpty ? "(no run id)" : run.runId), started: Self.time(run.startedAt, clock: statistics.clock),
                total: HTMLText(String(run.total)),
                counts: historyColumns.fold(run.counts).map { HTMLText(String($0)) },
                successRate: Self.percent(run.successRate), p95: Self.duration(run.p95Ms), p95Sort: Self.sortKey(run.p95Ms),
                isShown: run.runId == statistics.run)
        }
        runsNote = PageList.note(shown: runs.count, of: allRuns.count, "latest \(runs.count) of \(allRuns.count) runs")
        hasRunsNote = !runsNote.isNull

        let columns = StatusColumns(statistics.statuses)
        statuses = Self.statusRows(columns)
        statusesNote = columns.mergedLabels == 0 ? .empty
            : HTMLText("\(statistics.statuses.count) status labels: the last row counts \(columns.mergedLabels) of them together; "
                + "stats.json lists each.")
        hasStatusesNote = !statusesNote.isNull
        durations = Self.durationMetrics(statistics.durations)
        groupHeaders = statuses
        groups = PageList.rows(statistics.groups) { group in
            GroupRow(name: .label(group.name), total: HTMLText(String(group.total)), successRate: Self.percent(group.successRate),
                     p50: Self.duration(group.p50Ms), p95: Self.duration(group.p95Ms),
                     p50Sort: Self.sortKey(group.p50Ms), p95Sort: Self.sortKey(group.p95Ms),
                     counts: columns.fold(group.counts).map { HTMLText(String($0)) })
        }
        hasGroups = statistics.groups.count > 1 || statistics.groups.first?.name != GroupStatistics.ungrouped
        groupsNote = PageList.note(
            shown: groups.count, of: statistics.groups.count, "\(groups.count) largest of \(statistics.groups.count) groups")
        hasGroupsNote = !groupsNote.isNull

        slowest = PageList.rows(statistics.slowest) { Self.taskRow($0, clock: statistics.clock) }
        hasSlowest = !slowest.isEmpty
        let everyRecord = downloads.contains(DataExport.csv.rawValue) ? DataExport.csv.rawValue : "the input"
        let listing = FailureListing(document)
        failures = listing.entries
        hasFailures = !failures.isEmpty
        failureCount = HTMLText(String(listing.rows.count))
        failureNote = PageList.note(
            shown: failures.count, of: listing.rows.count, "first \(failures.count) of \(listing.rows.count) failures", where: everyRecord)
        hasFailureNote = !failureNote.isNull
        hasFailureBreakdown = !listing.byGroup.isEmpty
        failuresByGroup = listing.byGroup
        failuresByName = listing.byName
        failureBreakdownNote = HTMLText(listing.breakdownNote)
        hasFailureBreakdownNote = !failureBreakdownNote.isNull

        let tasks = TaskListing(document, failureEntries: listing.entryOfRow)
        self.tasks = tasks.rows
        hasTasks = !tasks.rows.isEmpty
        taskCount = HTMLText(String(tasks.total))
        tasksNote = PageList.note(
            shown: tasks.rows.count, of: tasks.total, "first \(tasks.rows.count) of \(tasks.total) tasks, the most severe first",
            where: everyRecord)
        hasTasksNote = !tasksNote.isNull

        if let grid = statistics.grid {
            (gridRuns, gridRows) = Self.grid(grid, history: history, shown: statistics.run, clock: statistics.clock)
            gridNote = PageList.note(shown: gridRows.count, of: grid.taskCount,
                                     "\(gridRows.count) of \(grid.taskCount) tasks, the most failures first", where: nil)
        } else {
            (gridRuns, gridRows, gridNote) = ([], [], .empty)
        }
        hasGrid = !gridRows.isEmpty
        hasGridNote = !gridNote.isNull
    }

    /// Which records the page describes, when not simply all: the latest run of several, records without a run id.
    private static func scopeNote(_ statistics: TaskStatistics, withHistory: Bool) -> HTMLText {
        var sentences: [String] = []
        if let run = statistics.run {
            let runs = statistics.history.map { "of the \($0.runs.count) runs \(withHistory ? "in the records and the history" : "in the records")" }
            sentences.append("This page describes the latest run, \(DisplayText.cut(run, to: DisplayText.labelLimit))"
                + (runs.map { ", \($0)" } ?? "") + "; --all-runs describes the records' runs together.")
        }
        if statistics.recordsWithoutRun > 0 {
            let count = statistics.recordsWithoutRun
            sentences.append("\(Plural.count(count, "record")) \(count == 1 ? "carries" : "carry") no run id and "
                + "\(count == 1 ? "belongs" : "belong") to no run; --all-runs counts \(count == 1 ? "it" : "them").")
        }
        return sentences.isEmpty ? .empty : HTMLText(sentences.joined(separator: " "))
    }

    private static func cards(_ statistics: TaskStatistics) -> [Card] {
        func card(_ label: String, _ value: HTMLText, _ detail: String, good: Bool?) -> Card {
            Card(label: HTMLText(label), value: value, detail: HTMLText(detail),
                 tone: HTMLText(good.map { $0 ? "good" : "bad" } ?? "neutral"),
                 mark: HTMLText(good.map { $0 ? "✓" : "!" } ?? ""),
                 toneText: HTMLText(good.map { $0 ? "(fine)" : "(needs attention)" } ?? ""))
        }
        return [
            card("Tasks", HTMLText(HumanFormat.count(statistics.recordCount)), Plural.count(statistics.recordCount, "record"), good: nil),
            statistics.successRate.map { rate in
                card("Success rate", percent(rate), "completed of finished", good: rate >= 0.95)
            } ?? card("Success rate", HTMLText("n/a"), "no task completed or failed", good: nil),
            card("p50 duration", duration(statistics.durations.p50Ms), "median", good: nil),
            card("p95 duration", duration(statistics.durations.p95Ms), "95th percentile", good: nil),
            card("Failures", HTMLText(HumanFormat.count(statistics.failureCount)), "failed or timed out", good: statistics.failureCount == 0),
        ]
    }

    private static func durationMetrics(_ d: DurationSummary) -> [Metric] {
        [("with duration", HTMLText(String(d.count))), ("without", HTMLText(String(d.missing))), ("min", duration(d.minMs)),
         ("mean", duration(d.meanMs)), ("std dev", duration(d.stddevMs)), ("p50", duration(d.p50Ms)),
         ("p90", duration(d.p90Ms)), ("p95", duration(d.p95Ms)), ("p99", duration(d.p99Ms)), ("max", duration(d.maxMs))]
            .map { Metric(label: HTMLText($0.0), value: $0.1) }
    }

    private static func taskRow(_ entry: TaskEntry, clock: LocalClock) -> TaskRow {
        TaskRow(
            id: .label(entry.id), name: .label(entry.name), group: .label(entry.group), status: .label(entry.status),
            kind: HTMLText(entry.kind.rawValue), color: statusColor(entry.kind), duration: duration(entry.durationMs),
            durationSort: sortKey(entry.durationMs), started: time(entry.startedAt, clock: clock),
            exitCode: entry.exitCode.map { HTMLText(String($0)) } ?? none,
            attempts: entry.attempts.map { HTMLText(String($0)) } ?? none, error: .error(entry.error))
    }

    /// The status columns with their counts, shares and colours.
    static func statusRows(_ columns: StatusColumns) -> [StatusRow] {
        zip(columns.columns, Color.statuses(columns.columns.map(\.kind))).map { status, color in
            StatusRow(label: .label(status.label), kind: HTMLText(status.kind.rawValue), count: HTMLText(String(status.count)),
                      share: HTMLText(HumanFormat.percent(status.share)), color: HTMLText(color.hexString))
        }
    }

    static let none = HTMLText(HumanFormat.notANumber)
    static func duration(_ ms: Double?) -> HTMLText { HTMLText(HumanFormat.duration(milliseconds: ms)) }
    static func percent(_ ratio: Double?) -> HTMLText { HTMLText(HumanFormat.percent(ratio)) }
    /// A time on the report's clock, RFC 3339 with the zone's offset (`Z` in UTC); `–` when absent.
    static func time(_ seconds: Double?, clock: LocalClock) -> HTMLText {
        seconds.map { HTMLText(clock.rfc3339($0)) } ?? none
    }
    /// A number for sorting; empty (sorted as text, before numbers) when absent.
    static func sortKey(_ value: Double?) -> HTMLText { value.map { HTMLText(String($0)) } ?? .empty }
    static func statusColor(_ kind: StatusKind) -> HTMLText {
        HTMLText((Color.status(kind) ?? Color.statuses([.other])[0]).hexString)
    }
}
