import CTaskColumns
import TaskModel

/// Reads task records from CSV or TSV with a header row (RFC 4180: fields in
/// double quotes may hold the delimiter, quotes doubled and line breaks),
/// such as Slurm's `sacct -P` output. Columns are named like the record
/// schema; others are ignored. Each row goes through the same validation as
/// JSON, and a fault is named by its line and column.
struct CSVRecordReader {
    /// The delimiters told from a header: the first of them it holds.
    static let delimiters: [UInt8] = [UInt8(ascii: ","), 0x09, UInt8(ascii: "|"), UInt8(ascii: ";")]

    /// Words that stand for no time in a time column: `Unknown` and `None`, as Slurm writes them.
    static let noTime: Set<String> = ["unknown", "none", "n/a", "null"]

    /// The field delimiter, as ``delimiter(ofHeader:given:)`` found it.
    let delimiter: UInt8
    /// Columns that hold fields under other names (`--field status=State`).
    var sources = FieldSources()

    /// The delimiter of a CSV whose first line is `header`, when that line names a `status` column.
    static func delimiter(ofHeader header: some Collection<UInt8>, given: UInt8?, sources: FieldSources) -> UInt8? {
        for candidate in given.map({ [$0] }) ?? delimiters where header.contains(candidate) || given != nil {
            var rows = CSVFields(Array(header), delimiter: candidate)
            let names = rows.next()?.fields ?? []
            if names.contains(where: { sources.field(ofColumn: String(decoding: $0, as: UTF8.self)) == .status }) {
                return candidate
            }
        }
        return nil
    }

    /// Appends every row of `text` (the whole input) as records.
    /// - Throws: ``IngestError/invalidRecord(input:line:record:message:)`` naming the line and column at fault.
    func read(_ text: [UInt8], input: String, into builder: ColumnBuilder) throws(IngestError) {
        var rows = CSVFields(text, delimiter: delimiter)
        guard let header = rows.next() else { return }
        let columns = header.fields.map { sources.field(ofColumn: String(decoding: $0, as: UTF8.self)) }
        for field in sources.byField.keys where columns.contains(field) { builder.markSourceSeen(field) }
        while let row = rows.next() {
            if row.fields.count == 1, row.fields[0].isEmpty { continue }  // a blank line
            guard row.fields.count == columns.count else {
                throw .invalidRecord(input: input, line: row.line, record: nil, message:
                    "\(row.fields.count) fields where the header has \(columns.count); quote fields that hold the delimiter")
            }
            try append(row, columns: columns, input: input, into: builder)
        }
        if let problem = rows.problem {
            throw .invalidRecord(input: input, line: problem.line, record: nil, message: problem.message)
        }
    }

    private func append(
        _ row: CSVFields.Row, columns: [RecordField?], input: String, into builder: ColumnBuilder
    ) throws(IngestError) {
        var values = [[UInt8]?](repeating: nil, count: RecordField.allCases.count)
        for (field, value) in zip(columns, row.fields) {
            if let field, values[field.rawValue] == nil { values[field.rawValue] = value }
        }
        // CSV has no null: a time written as a word for "none" (sacct's End of a running job) is no time.
        for field in [RecordField.startedAt, .finishedAt] {
            if let value = values[field.rawValue], Self.noTime.contains(String(decoding: value, as: UTF8.self).lowercased()) {
                values[field.rawValue] = nil
            }
        }
        func fail(_ field: RecordField, _ message: String) -> IngestError {
            .invalidRecord(input: input, line: row.line, record: nil, message: "column '\(field.name)': \(message)")
        }
        func number(_ field: RecordField) throws(IngestError) -> Double {
            guard let bytes = values[field.rawValue], !bytes.isEmpty else { return .nan }
            guard let value = Double(String(decoding: bytes, as: UTF8.self)), value.isFinite else {
                throw fail(field, "expected a number, got '\(String(decoding: bytes.prefix(40), as: UTF8.self))'")
            }
            return value
        }
        func integer(_ field: RecordField) throws(IngestError) -> Int32 {
            let value = try number(field)
            guard !value.isNaN else { return TaskTable.missingInteger }
            guard value.rounded() == value, value > Double(Int32.min), value <= Double(Int32.max) else {
                throw fail(field, "expected an integer, got \(value)")
            }
            return Int32(value)
        }
        let duration = try number(.durationMs), exitCode = try integer(.exitCode), attempts = try integer(.attempts)
        // The texts, one after another in one buffer, so that the record points into memory that stays put.
        var bytes: [UInt8] = []
        var spans = [(offset: Int, count: Int)](repeating: (0, 0), count: values.count)
        for (index, value) in values.enumerated() {
            guard let value else { continue }
            spans[index] = (bytes.count, value.count)
            bytes += value
        }
        let failure = bytes.withUnsafeBufferPointer { buffer in
            func text(_ field: RecordField) -> tc_string {
                let span = spans[field.rawValue]
                guard span.count > 0, let base = buffer.baseAddress else { return tc_string(ptr: nil, len: 0) }
                return tc_string(ptr: UnsafeRawPointer(base + span.offset).assumingMemoryBound(to: CChar.self), len: span.count)
            }
            var record = tc_record(
                id: text(.id), status: text(.status), name: text(.name), group: text(.group), run_id: text(.runID),
                error: text(.error), data: text(.data), output: text(.output), started_at_text: text(.startedAt),
                finished_at_text: text(.finishedAt), started_at: .nan, finished_at: .nan, duration_ms: duration,
                exit_code: exitCode, attempts: attempts, text_is_utf8: 0)
            return builder.append(&record)
        }
        if let failure {
            throw .invalidRecord(input: input, line: row.line, record: nil,
                                 message: failure.field.map { "column '\($0)': \(failure.message)" } ?? failure.message)
        }
    }
}

extension RecordField {
    /// The field a column of this name holds, compared without case or spaces; nil for any other.
    init?(name: String) {
        let key = name.lowercased().filter { !$0.isWhitespace }
        guard let field = RecordField.allCases.first(where: { $0.name == key }) else { return nil }
        self = field
    }
}
