import Support
import TaskModel

/// Every task of the described run, as the page's table lists them: the
/// most severe first (failed, timeout, cancelled, skipped, …, completed),
/// then in input order, at most ``rowLimit`` rows in at most ``byteLimit``
/// bytes of escaped text.
struct TaskListing {
    static let rowLimit = 1000
    static let byteLimit = 400_000

    let rows: [ReportPage.TaskListRow]
    /// The tasks of the described run, listed or not.
    let total: Int

    /// - Parameter failureEntries: The entry number of each failure listed one by one, by row.
    init(_ document: ReportDocument, failureEntries: [Int: Int]) {
        let records = document.records
        let kinds = records.status.entries.map(StatusKind.init(label:))
        total = records.count  // the document holds the described run's records only
        // By severity, then in input order: a pass per severity, stopping once the table is full,
        // so a run of a million tasks costs no sort.
        var ordered: [Int] = []
        for severity in Set(kinds.map(\.severity)).sorted() where ordered.count < Self.rowLimit {
            for row in 0..<records.count where kinds[Int(records.status.codes[row])].severity == severity {
                ordered.append(row)
                if ordered.count == Self.rowLimit { break }
            }
        }
        var rows: [ReportPage.TaskListRow] = [], bytes = 0
        for (position, row) in ordered.enumerated() {
            let item = Self.row(records, row, kind: kinds[Int(records.status.codes[row])], position: position,
                                failureEntry: failureEntries[row], clock: document.statistics.clock)
            bytes += PageList.size(of: item)
            guard bytes <= Self.byteLimit else { break }
            rows.append(item)
        }
        self.rows = rows
    }

    private static func row(
        _ records: TaskTable, _ row: Int, kind: StatusKind, position: Int, failureEntry: Int?, clock: LocalClock
    ) -> ReportPage.TaskListRow {
        let name = records.name[row], id = records.id[row]
        let ms = records.durationMs[row], start = records.startedAt[row], attempts = records.attempts[row]
        return ReportPage.TaskListRow(
            mark: HTMLText(ReportPage.mark(kind)), status: .label(records.status[row]), kind: HTMLText(kind.rawValue),
            color: ReportPage.statusColor(kind), name: .label(name.isEmpty ? id : name),
            id: name.isEmpty || name == id ? .empty : .label(id), group: .label(records.group[row]),
            duration: ReportPage.duration(ms.isNaN ? nil : ms), durationSort: ReportPage.sortKey(ms.isNaN ? nil : ms),
            attempts: attempts == TaskTable.missingInteger ? ReportPage.none : HTMLText(String(attempts)),
            started: ReportPage.time(start.isNaN ? nil : start, clock: clock), startedSort: ReportPage.sortKey(start.isNaN ? nil : start),
            failureLink: HTMLText(failureEntry.map { "#failure-\($0)" } ?? ""), severitySort: HTMLText(String(position)))
    }
}
