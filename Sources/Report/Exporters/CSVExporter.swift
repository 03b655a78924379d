import Support
import TaskModel

/// `tasks.csv`: one row per task record as read, every run included (RFC 4180:
/// a header row, CRLF line ends, fields quoted when they hold a comma, a quote
/// or a line break). Streamed to the file, so a million records never sit in memory as text.
public struct CSVExporter: ReportExporter {
    /// The columns: the record schema's fields, in its order.
    public static let columns = RecordField.allCases.map(\.name)

    public init() {}

    public func files(for document: ReportDocument) -> [ReportFile] {
        let table = document.records
        return [ReportFile(path: "tasks.csv") { output in Self.write(table, to: output) }]
    }

    /// Writes the header and every record of `table`. Dictionary entries are
    /// made into fields once each; free text is copied from the column's bytes.
    static func write(_ table: TaskTable, to output: FileOutput) {
        output.write(columns.joined(separator: ",") + "\r\n")
        let runs = table.runID.entries.map(CSVField.bytes), statuses = table.status.entries.map(CSVField.bytes)
        let names = table.name.entries.map(CSVField.bytes), groups = table.group.entries.map(CSVField.bytes)
        var row: [UInt8] = []
        row.reserveCapacity(512)
        func text(_ column: TextColumn, _ i: Int) {
            CSVField.append(column.bytes[Int(column.offsets[i])..<Int(column.offsets[i + 1])], to: &row)
        }
        func plain(_ text: String) { row.append(contentsOf: text.utf8) }
        let comma = UInt8(ascii: ",")
        for i in 0..<table.count {
            row.removeAll(keepingCapacity: true)
            for (position, field) in RecordField.allCases.enumerated() {
                if position > 0 { row.append(comma) }
                switch field {
                case .runID: row += runs[Int(table.runID.codes[i])]
                case .id: text(table.id, i)
                case .name: row += names[Int(table.name.codes[i])]
                case .group: row += groups[Int(table.group.codes[i])]
                case .status: row += statuses[Int(table.status.codes[i])]
                case .startedAt: plain(ExportValue.time(table.startedAt[i]))
                case .finishedAt: plain(ExportValue.time(table.finishedAt[i]))
                case .durationMs: plain(ExportValue.number(table.durationMs[i]))
                case .exitCode: plain(ExportValue.integer(table.exitCode[i]))
                case .attempts: plain(ExportValue.integer(table.attempts[i]))
                case .error: text(table.error, i)
                case .data: text(table.data, i)
                case .output: text(table.output, i)
                }
            }
            row += [0x0D, 0x0A]
            output.write(bytes: row)
        }
    }
}
