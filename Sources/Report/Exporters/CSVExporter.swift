import Support
import TaskModel

/// `tasks.csv`: one row per task record of the described run (every record
/// with `--all-runs`), as `stats.json` and `junit.xml` describe it (RFC 4180:
/// a header row, CRLF line ends, fields quoted when they hold a comma, a
/// quote or a line break). Formatted as bytes into a buffer that goes to the
/// file a megabyte at a time, with no `String` per cell, so a million records
/// never sit in memory as text.
public struct CSVExporter: ReportExporter {
    /// The columns: the record schema's fields, in its order.
    public static let columns = RecordField.allCases.map(\.name)

    /// Bytes gathered before they go to the file.
    static let chunkSize = 1 << 20

    public init() {}

    public func files(for document: ReportDocument) -> [ReportFile] {
        let table = document.records
        return [ReportFile(path: "tasks.csv") { output in Self.write(table, to: output) }]
    }

    /// Writes the header and every record of `table`. Dictionary entries are made into
    /// fields once each; free text is copied from the column's bytes.
    static func write(_ table: TaskTable, to output: FileOutput) {
        output.write(columns.joined(separator: ",") + "\r\n")
        let runs = table.runID.entries.map(CSVField.bytes), statuses = table.status.entries.map(CSVField.bytes)
        let names = table.name.entries.map(CSVField.bytes), groups = table.group.entries.map(CSVField.bytes)
        var chunk: [UInt8] = []
        chunk.reserveCapacity(chunkSize + 4096)
        var times = RFC3339Writer()
        func text(_ column: TextColumn, _ i: Int) {
            CSVField.append(column.bytes[column.byteRange(at: i)], to: &chunk)
        }
        let comma = UInt8(ascii: ",")
        for i in 0..<table.count {
            for (position, field) in RecordField.allCases.enumerated() {
                if position > 0 { chunk.append(comma) }
                switch field {
                case .runID: chunk += runs[Int(table.runID.codes[i])]
                case .id: text(table.id, i)
                case .name: chunk += names[Int(table.name.codes[i])]
                case .group: chunk += groups[Int(table.group.codes[i])]
                case .status: chunk += statuses[Int(table.status.codes[i])]
                case .startedAt: ExportValue.append(time: table.startedAt[i], through: &times, to: &chunk)
                case .finishedAt: ExportValue.append(time: table.finishedAt[i], through: &times, to: &chunk)
                case .durationMs: ExportValue.append(number: table.durationMs[i], to: &chunk)
                case .exitCode: ExportValue.append(integer: table.exitCode[i], to: &chunk)
                case .attempts: ExportValue.append(integer: table.attempts[i], to: &chunk)
                case .error: text(table.error, i)
                case .data: text(table.data, i)
                case .output: text(table.output, i)
                }
            }
            chunk += [0x0D, 0x0A]
            if chunk.count >= chunkSize {
                output.write(bytes: chunk)
                chunk.removeAll(keepingCapacity: true)
            }
        }
        output.write(bytes: chunk)
    }
}
