/// Field lookups and sizes without reflection for the rows the page holds by
/// the thousand: a `Mirror` per lookup cost about 60 ms for the table of
/// every task at 1,000 rows, and measuring the rows against the page's limits
/// by reflection took a quarter of making the page's model. `TemplateLookupTests`
/// checks each agrees with reflection for every field, so a field added to a
/// row and forgotten here fails a test rather than vanishing from the page
/// (or from its size).
extension ReportPage.TaskListRow {
    func child(named name: String) -> Any? {
        let value: Any? = switch name {
        case "mark": mark
        case "status": status
        case "kind": kind
        case "color": color
        case "name": self.name
        case "id": id
        case "group": group
        case "duration": duration
        case "durationSort": durationSort
        case "attempts": attempts
        case "started": started
        case "startedSort": startedSort
        case "failureLink": failureLink
        case "severitySort": severitySort
        default: nil
        }
        return value.flatMap(Self.admitted)
    }
}

/// A row that knows its bytes of page text (``PageList/size(of:)``) without reflection.
protocol PageSized {
    var pageBytes: Int { get }
}

extension ReportPage.TaskListRow: PageSized {
    var pageBytes: Int {
        [mark, status, kind, color, name, id, group, duration, durationSort, attempts, started, startedSort, failureLink,
         severitySort].reduce(0) { $0 + $1.markup.utf8.count }
    }
}

extension ReportPage.GridRow: PageSized {
    var pageBytes: Int {
        [name, group, failures].reduce(0) { $0 + $1.markup.utf8.count } + cells.reduce(0) { $0 + $1.pageBytes }
    }
}

extension ReportPage.GridCell: PageSized {
    var pageBytes: Int {
        [mark, kind, color, text].reduce(0) { $0 + $1.markup.utf8.count }
    }
}

extension ReportPage.GridCell {
    func child(named name: String) -> Any? {
        let value: Any? = switch name {
        case "mark": mark
        case "kind": kind
        case "color": color
        case "text": text
        case "ran": ran
        default: nil
        }
        return value.flatMap(Self.admitted)
    }
}
