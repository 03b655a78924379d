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
        // The columns in locals: reached through `table` in the loop, every field cost a retain and a
        // release of its column (an eighth of the time), and a text's bytes were sliced as an array.
        let runCodes = table.runID.codes, nameCodes = table.name.codes, groupCodes = table.group.codes
        let statusCodes = table.status.codes
        let started = table.startedAt, finished = table.finishedAt, durations = table.durationMs
        let exitCodes = table.exitCode, attempts = table.attempts
        let id = table.id, error = table.error, data = table.data, outputs = table.output
        func text(_ column: TextColumn, _ i: Int) {
            let range = column.byteRange(at: i)
            guard !range.isEmpty else { return }
            column.bytes.withUnsafeBufferPointer { CSVField.append(UnsafeBufferPointer(rebasing: $0[range]), to: &chunk) }
        }
        let comma = UInt8(ascii: ",")
        for i in 0..<table.count {
            for (position, field) in RecordField.allCases.enumerated() {
                if position > 0 { chunk.append(comma) }
                switch field {
                case .runID: chunk += runs[Int(runCodes[i])]
                case .id: text(id, i)
                case .name: chunk += names[Int(nameCodes[i])]
                case .group: chunk += groups[Int(groupCodes[i])]
                case .status: chunk += statuses[Int(statusCodes[i])]
                case .startedAt: ExportValue.append(time: started[i], through: &times, to: &chunk)
                case .finishedAt: ExportValue.append(time: finished[i], through: &times, to: &chunk)
                case .durationMs: ExportValue.append(number: durations[i], to: &chunk)
                case .exitCode: ExportValue.append(integer: exitCodes[i], to: &chunk)
                case .attempts: ExportValue.append(integer: attempts[i], to: &chunk)
                case .error: text(error, i)
                case .data: text(data, i)
                case .output: text(outputs, i)
                }
            }
            chunk.append(0x0D)
            chunk.append(0x0A)
            if chunk.count >= chunkSize {
                output.write(bytes: chunk)
                chunk.removeAll(keepingCapacity: true)
            }
        }
        output.write(bytes: chunk)
    }
}
