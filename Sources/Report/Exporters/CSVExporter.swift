import TaskModel

/// `tasks.csv`: one row per task record as read, every run included (RFC 4180:
/// a header row, CRLF line ends, fields quoted when they hold a comma, a quote
/// or a line break). Streamed to the file, so a million records never sit in memory as text.
public struct CSVExporter: ReportExporter {
    /// The columns, in the record schema's names.
    public static let columns = [
        "run_id", "id", "name", "group", "status", "started_at", "finished_at", "duration_ms", "exit_code",
        "attempts", "error", "data",
    ]

    /// Creates the exporter.
    public init() {}

    public func files(for document: ReportDocument) -> [ReportFile] {
        let table = document.records
        return [ReportFile(path: "tasks.csv") { output in Self.write(table, to: output) }]
    }

    /// Writes the header and every record of `table`.
    static func write(_ t: TaskTable, to output: FileOutput) {
        output.write(columns.joined(separator: ",") + "\r\n")
        for i in 0..<t.count {
            let fields = [
                text(t.runID[i]), text(t.id[i]), text(t.name[i]), text(t.group[i]), text(t.status[i]),
                time(t.startedAt[i]), time(t.finishedAt[i]), number(t.durationMs[i]), integer(t.exitCode[i]),
                integer(t.attempts[i]), text(t.error[i]), text(t.data[i]),
            ]
            output.write(fields.joined(separator: ",") + "\r\n")
        }
    }

    /// A text field, quoted when needed. A field a spreadsheet would run as a
    /// formula (starting with `=`, `+`, `-`, `@`, tab or CR) gets a leading `'`.
    static func text(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacing("\"", with: "\"\"") + "\""
    }

    /// Milliseconds as the shortest decimal that reads back the same; empty when missing.
    static func number(_ value: Double) -> String {
        guard !value.isNaN else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    static func integer(_ value: Int32) -> String {
        value == TaskTable.missingInteger ? "" : String(value)
    }

    /// RFC 3339 UTC, with milliseconds when the time has a fraction of a second; empty when missing.
    static func time(_ seconds: Double) -> String {
        guard !seconds.isNaN else { return "" }
        return UTCTime(seconds: seconds).rfc3339(milliseconds: seconds != seconds.rounded(.down))
    }
}
