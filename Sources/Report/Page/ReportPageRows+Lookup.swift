/// Field lookups without reflection for the rows the page holds by the
/// thousand: a `Mirror` per lookup cost about 60 ms for the table of every
/// task at 1,000 rows. `TemplateLookupTests` checks each agrees with
/// reflection for every field, so a field added to a row and forgotten here
/// fails a test rather than vanishing from the page.
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
