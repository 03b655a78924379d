import Stats
import Support
import TaskModel

extension ReportPage {
    /// The task × run grid: a column per run of `grid`, headed by its start, a row per task.
    static func grid(_ grid: TaskGrid, history: RunHistory?, shown: String?, clock: LocalClock) -> (runs: [GridRun], rows: [GridRow]) {
        let starts = Dictionary((history?.runs ?? []).map { ($0.runId, $0.startedAt) }) { first, _ in first }
        let labels = Self.runLabels(grid.runs.map { starts[$0] ?? nil }, ids: grid.runs, clock: clock)
        let runs = zip(grid.runs, labels).map { run, label in
            GridRun(label: HTMLText(label), runId: .label(run), isShown: run == shown)
        }
        // What every row repeats is made once: each run's escaped name and its cell where a task did
        // not run, and each status's mark and colour (1,500 cells made them over again, a tenth of the page's model).
        let runNames = grid.runs.map { HTMLText(DisplayText.cut($0, to: 40)).markup }
        let didNotRun = runNames.map { name in
            GridCell(mark: HTMLText("·"), kind: .empty, color: .empty, text: HTMLText(markup: name + ": did not run"), ran: false)
        }
        var looks: [String: (mark: HTMLText, kind: HTMLText, color: HTMLText)] = [:]
        func look(of status: String) -> (mark: HTMLText, kind: HTMLText, color: HTMLText) {
            if let look = looks[status] { return look }
            let kind = StatusKind(label: status)
            let look = (mark: HTMLText(mark(kind)), kind: HTMLText(kind.rawValue), color: statusColor(kind))
            looks[status] = look
            return look
        }
        let rows = PageList.rows(grid.rows) { row in
            GridRow(
                name: .label(row.name), group: .label(row.group), failures: HTMLText(String(row.failures)),
                cells: row.cells.enumerated().map { column, cell in
                    guard let cell else { return didNotRun[column] }
                    let look = look(of: cell.status)
                    let status = HTMLText("\(DisplayText.cut(cell.status, to: 40)) · " + HumanFormat.duration(milliseconds: cell.durationMs))
                    return GridCell(
                        mark: look.mark, kind: look.kind, color: look.color,
                        text: HTMLText(markup: runNames[column] + ": " + status.markup), ran: true)
                })
        }
        return (runs, rows)
    }

    /// Column headings for runs: each run's start, `11-27 01:00`, with seconds when two runs share a minute;
    /// its id cut short when it has no start, or when starts alone do not tell the runs apart.
    static func runLabels(_ starts: [Double?], ids: [String], clock: LocalClock) -> [String] {
        func two(_ value: Int) -> String { UTCTime.digits(value, 2) }
        func label(_ seconds: Double?, _ id: String, withSeconds: Bool) -> String {
            guard let seconds else { return DisplayText.cut(id.isEmpty ? "(no id)" : id, to: 12) }
            let time = clock.wallClock(seconds)
            return "\(two(time.month))-\(two(time.day)) \(two(time.hour)):\(two(time.minute))" + (withSeconds ? ":\(two(time.second))" : "")
        }
        for withSeconds in [false, true] {
            let labels = zip(starts, ids).map { label($0, $1, withSeconds: withSeconds) }
            if Set(labels).count == labels.count { return labels }
        }
        return ids.map { DisplayText.cut($0.isEmpty ? "(no id)" : $0, to: 24) }
    }

    /// A mark for each kind of status, so that no status rests on colour alone.
    static func mark(_ kind: StatusKind) -> String {
        switch kind {
        case .completed: "✓"
        case .failed: "✗"
        case .timeout: "◷"
        case .cancelled: "⊘"
        case .skipped: "↷"
        case .pending: "…"
        case .running: "▶"
        case .other: "•"
        }
    }
}
