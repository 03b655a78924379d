import Stats
import Support
import TaskModel

/// A run's tasks as bars along wall-clock time, one row each, by start:
/// coloured by status, each attempt its own segment, the critical path
/// outlined. Described independently of how it is drawn.
public struct GanttChart: Sendable, Equatable {
    /// One task's row.
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var status: String
        public var kind: StatusKind
        public var span: RunSchedule.Span
        /// Each attempt, first first; the waits between them are left open.
        public var attempts: [RunSchedule.Attempt]
        public var outlined: Bool
    }

    /// "Tasks over the Run".
    public static let title = "Tasks over the Run"

    public var title: String
    /// By start time.
    public var bars: [Bar]
    /// From the first start to the last finish.
    public var span: RunSchedule.Span
    /// Said under the title: which tasks are left out, and why.
    public var note: String?
    /// The names along the critical path, first to last.
    public var criticalPath: [String]

    /// The chart of `schedule`'s tasks; nil when it has none to draw one by one.
    /// The clock the axis and the numbers are read on.
    public var clock: LocalClock

    /// The chart of `schedule`, its times on `clock`; nil when no task has a start.
    public init?(_ schedule: RunSchedule, clock: LocalClock = .utc) {
        self.clock = clock
        guard let span = schedule.span, !schedule.tasks.isEmpty else { return nil }
        title = Self.title
        self.span = span
        criticalPath = schedule.criticalPath.map { DisplayText.line($0) }
        bars = schedule.tasks.map { task in
            Bar(label: DisplayText.line(task.name), status: DisplayText.line(task.status), kind: task.kind, span: task.span,
                attempts: task.attempts, outlined: task.onCriticalPath)
        }
        var notes: [String] = []
        if schedule.tasks.count < schedule.taskCount {
            notes.append("The \(schedule.tasks.count) of \(schedule.taskCount) tasks that matter most: failures, the critical path, then the longest.")
        }
        if schedule.withoutStart > 0 {
            let names = schedule.withoutStartNames.map { DisplayText.cut(DisplayText.line($0), to: 40) }
            let more = schedule.withoutStart > names.count ? " and \(schedule.withoutStart - names.count) more" : ""
            notes.append("Not started, so not drawn: " + names.joined(separator: ", ") + more + ".")
        }
        note = notes.isEmpty ? nil : notes.joined(separator: " ")
    }

    /// Rows are this tall, in logical pixels…
    static let rowHeight = 20.0
    /// …below a header of this height (title, note, legend, time labels), above a footer of this one.
    static let headerHeight = 104.0
    static let footerHeight = 16.0

    /// The drawing's height: enough for every row.
    public var height: Double { Self.headerHeight + Double(bars.count) * Self.rowHeight + Self.footerHeight }

    /// Names in the text alternative are cut to this many scalars, and at most this many are listed per list.
    static let alternativeNameLimit = 60
    static let alternativeListLimit = 10

    /// A plain-text account for readers who cannot see the chart; the numbers table has every bar.
    public var textAlternative: String {
        func list(_ names: [String]) -> String {
            let shown = names.prefix(Self.alternativeListLimit).map { DisplayText.cut($0, to: Self.alternativeNameLimit) }
            return shown.joined(separator: ", ") + (names.count > shown.count ? " and \(names.count - shown.count) more" : "")
        }
        let axis = TimeAxis(start: span.start, end: max(span.end, span.start + 0.001), count: 1000, clock: clock)
        var sentences = [
            "\(title): \(bars.count) \(bars.count == 1 ? "task" : "tasks") from \(axis.label(span.start)) to \(axis.label(span.end)) \(clock.name), "
                + HumanFormat.duration(milliseconds: (span.end - span.start) * 1000) + " in all",
        ]
        if !criticalPath.isEmpty {
            sentences.append("Critical path: " + criticalPath.map { DisplayText.cut($0, to: Self.alternativeNameLimit) }.joined(separator: " → "))
        }
        let failed = bars.filter { $0.kind.isFailure }.map(\.label)
        if !failed.isEmpty { sentences.append("Failed or timed out: " + list(failed)) }
        let retried = bars.filter { $0.attempts.count > 1 }.map { "\($0.label) (\($0.attempts.count) attempts)" }
        if !retried.isEmpty { sentences.append("Retried: " + list(retried)) }
        if let note { sentences.append(note.hasSuffix(".") ? String(note.dropLast()) : note) }
        return sentences.joined(separator: ". ") + "."
    }

    /// The numbers behind the bars: a row per task.
    public var dataTable: (headers: [String], rows: [[String]]) {
        let axis = TimeAxis(start: span.start, end: max(span.end, span.start + 0.001), count: 1000, clock: clock)
        let rows = bars.map { bar in
            [bar.label, bar.status, axis.label(bar.span.start), axis.label(bar.span.end),
             HumanFormat.duration(milliseconds: (bar.span.end - bar.span.start) * 1000), String(bar.attempts.count),
             bar.outlined ? "yes" : ""]
        }
        return (["task", "status", "start (\(clock.name))", "finish (\(clock.name))", "duration", "attempts", "critical path"], rows)
    }
}
