import CTaskColumns
import SQLite
import TaskModel

/// Reads task records from a SQLite database: the `tasks` table by default,
/// or the rows of any query whose result columns are named like the record
/// schema (aliases do the naming: `SELECT state AS status …`).
struct SQLiteRecordReader {
    /// The table read when no query is given.
    static let defaultTable = RecordField.tableName

    /// The SQL to run, or `nil` for every row of ``defaultTable``.
    let query: String?

    /// Which result column fills each record field, resolved once per query; looked up
    /// a dozen times per row, so an array indexed by field rather than a hashed dictionary.
    private struct ColumnMap {
        private var indices = [Int?](repeating: nil, count: RecordField.allCases.count)

        init(_ statement: SQLiteStatement) {
            for index in 0..<statement.columnCount {
                let name = statement.columnName(index).lowercased()
                if let field = RecordField.allCases.first(where: { $0.name == name }), indices[field.rawValue] == nil {
                    indices[field.rawValue] = index
                }
            }
        }

        subscript(field: RecordField) -> Int? { indices[field.rawValue] }
    }

    /// The status label of a row whose status is NULL or empty; its kind is unknown (other).
    static let noStatus: StaticString = "none"

    /// A default table with at least this many rowids is read as two rowid ranges, one per core.
    static let parallelThreshold: Int64 = 200_000

    /// Appends every row of the result, in order.
    /// - Returns: A reader of the output tails when the input is a store read without a query.
    /// - Throws: ``IngestError`` naming the file and the row and column at fault.
    func read(path: String, into assembler: inout TableAssembler) throws(IngestError) -> StoreReader? {
        let (statements, store) = try self.statements(path: path)
        let (parsed, _) = try ConcurrentParts.parse(statements, after: 0) { statement, part throws(IngestError) in
            try readRows(of: statement, path: path, into: part)
        }
        for part in parsed { assembler.append(part) }
        return store
    }

    /// Steps through `statement`, appending each row; returns the number of rows.
    private func readRows(of statement: SQLiteStatement, path: String, into builder: ColumnBuilder) throws(IngestError) -> Int {
        let columns = ColumnMap(statement)
        guard columns[.status] != nil else { throw .missingColumn(input: path, column: RecordField.status.name) }
        var row = 0
        while try step(statement, path: path) {
            row += 1
            try append(row: row, of: statement, columns: columns, path: path, into: builder)
        }
        return row
    }

    /// The statements whose rows, in order, make the result: the query; or for
    /// the default table, its record-schema columns only (a store's output
    /// tails are never decoded), and with many rows the lower and upper halves
    /// of its rowid range, each on a connection of its own so two threads read.
    /// With them, a reader of the output tails, on the first connection, when the table is a store's.
    private func statements(path: String) throws(IngestError) -> ([SQLiteStatement], StoreReader?) {
        if let query { return ([try prepare(path: path, query, isUserQuery: true)], nil) }
        // Compiling `SELECT *` checks the table exists and tells its columns.
        let all = try prepare(path: path, "SELECT * FROM \(Self.defaultTable)")
        let columns = (0..<all.columnCount).map { all.columnName($0) }
        let store = StoreReader.outputColumns.isSubset(of: Set(columns.map { $0.lowercased() }))
            && Self.hasTable("attempts", on: all.database) ? StoreReader(input: path, connection: all.database) : nil
        let known = Set(RecordField.allCases.map(\.name))
        let wanted = columns.filter { known.contains($0.lowercased()) }
        let select = "SELECT " + (wanted.isEmpty ? "*" : wanted.map { column in
            column.lowercased() == RecordField.durationMs.name ? store?.durationColumn ?? Self.quoted(column) : Self.quoted(column)
        }.joined(separator: ", "))
            + " FROM \(Self.defaultTable)"
        // A table without rowids, or a small one, is read whole.
        guard let range = try? prepare(path: path, "SELECT min(rowid), max(rowid) FROM \(Self.defaultTable)"),
              (try? range.step()) == true, range.type(0) == .integer,
              range.int64(1) - range.int64(0) >= Self.parallelThreshold
        else { return ([try prepare(path: path, select)], store) }
        let middle = range.int64(0) + (range.int64(1) - range.int64(0)) / 2
        return ([
            try prepare(path: path, select + " WHERE rowid <= \(middle)"),
            try prepare(path: path, select + " WHERE rowid > \(middle)"),
        ], store)
    }

    /// An SQL identifier in double quotes, inner quotes doubled.
    private static func quoted(_ name: String) -> String {
        "\"" + name.replacing("\"", with: "\"\"") + "\""
    }

    /// Compiles `sql` on a new input connection to `path` (read-only and hardened: see
    /// ``SQLite/SQLiteConnection/input(path:)``); the user's query must be one statement that reads.
    private func prepare(path: String, _ sql: String, isUserQuery: Bool = false) throws(IngestError) -> SQLiteStatement {
        do {
            var connection = try SQLiteConnection.input(path: path)
            if connection.isImmutable, Self.isStore(connection) != false {
                // Our own store, which a run may be writing right now (or a database that could not be
                // told apart while it changed): read it under SQLite's locks.
                connection = try SQLiteConnection.input(path: path, allowImmutable: false)
            }
            return isUserQuery ? try connection.prepareQuery(sql) : try connection.prepare(sql)
        } catch {
            if error.isNotADatabase { throw .notSQLite(input: path) }
            if query == nil, error.message.hasPrefix("no such table") {
                throw .missingTable(input: path, table: Self.defaultTable)
            }
            throw Self.failure(error, input: path)
        }
    }

    private func step(_ statement: SQLiteStatement, path: String) throws(IngestError) -> Bool {
        do {
            return try statement.step()
        } catch {
            throw Self.failure(error, input: path)
        }
    }

    /// Whether the database has a table of this name.
    static func hasTable(_ name: String, on connection: SQLiteConnection) -> Bool {
        guard let statement = try? connection.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1"),
              (try? statement.bind(.text(name), at: 1)) != nil
        else { return false }
        return (try? statement.step()) == true
    }

    /// Whether the database is a taskreport store (its three tables, `tasks` with the output
    /// columns); nil when it cannot be told (its schema could not be read).
    static func isStore(_ connection: SQLiteConnection) -> Bool? {
        do {
            let tables = try connection.prepare(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('runs', 'attempts', '\(RecordField.tableName)')")
            guard try tables.step(), tables.int64(0) == 3 else { return false }
            let columns = try connection.prepare("SELECT name FROM pragma_table_info('\(RecordField.tableName)')")
            var names: Set<String> = []
            while try columns.step() { names.insert(columns.text(0)) }
            return StoreReader.outputColumns.isSubset(of: names)
        } catch {
            return nil
        }
    }

    /// The ingest error for what SQLite said about `input`.
    static func failure(_ error: SQLiteError, input: String) -> IngestError {
        if error.isBusy { return .locked(input: input, seconds: Int(SQLiteConnection.inputBusyTimeoutMilliseconds / 1000)) }
        if error.isCorrupt { return .changedWhileReading(input: input) }
        switch error.reason {
        case .empty: return .badQuery(input: input, problem: "the query is empty; give one SELECT")
        case .severalStatements: return .badQuery(input: input, problem: "the query holds more than one statement; give one SELECT")
        case .writes: return .badQuery(input: input, problem: "the query would change the database; give a SELECT, which only reads")
        case .sqlite where error.isNotAuthorized:
            return .badQuery(input: input, problem: "the query does more than read (\(error.message)): inputs are read "
                + "with no ATTACH, PRAGMA or writes, and without functions that reach files or memory")
        case .sqlite: return .queryFailed(input: input, message: error.message)
        }
    }

    private func append(
        row: Int, of statement: SQLiteStatement, columns: ColumnMap, path: String, into builder: ColumnBuilder
    ) throws(IngestError) {
        func text(_ field: RecordField) -> tc_string {
            guard let index = columns[field] else { return tc_string(ptr: nil, len: 0) }
            let bytes = statement.textBytes(index)
            return tc_string(ptr: UnsafeRawPointer(bytes.baseAddress)?.assumingMemoryBound(to: CChar.self), len: bytes.count)
        }
        func number(_ field: RecordField) throws(IngestError) -> Double {
            guard let index = columns[field] else { return .nan }
            switch statement.type(index) {
            case .null: return .nan
            case .integer, .real: return statement.double(index)
            case .text, .blob:
                throw .invalidRow(input: path, row: row, column: field.name,
                                  message: "expected a number, got text '\(statement.text(index).prefix(40))'")
            }
        }
        func integer(_ field: RecordField) throws(IngestError) -> Int32 {
            let value = try number(field)
            guard !value.isNaN else { return TaskTable.missingInteger }
            guard value.rounded() == value, value > Double(Int32.min), value <= Double(Int32.max) else {
                throw .invalidRow(input: path, row: row, column: field.name, message: "expected an integer, got \(value)")
            }
            return Int32(value)
        }
        /// A time is text (RFC 3339) or a number (Unix seconds).
        func time(_ field: RecordField) throws(IngestError) -> (text: tc_string, seconds: Double) {
            guard let index = columns[field] else { return (tc_string(ptr: nil, len: 0), .nan) }
            if statement.type(index) == .text { return (text(field), .nan) }
            return (tc_string(ptr: nil, len: 0), try number(field))
        }

        let started = try time(.startedAt)
        let finished = try time(.finishedAt)
        // A NULL or empty state is a state of its own (Airflow's queued rows), not a broken row.
        var status = text(.status)
        if status.len == 0 {
            status = tc_string(ptr: UnsafeRawPointer(Self.noStatus.utf8Start).assumingMemoryBound(to: CChar.self),
                               len: Self.noStatus.utf8CodeUnitCount)
        }
        var record = tc_record(
            id: text(.id), status: status, name: text(.name), group: text(.group), run_id: text(.runID),
            error: text(.error), data: text(.data), output: text(.output), started_at_text: started.text, finished_at_text: finished.text,
            started_at: started.seconds, finished_at: finished.seconds, duration_ms: try number(.durationMs),
            exit_code: try integer(.exitCode), attempts: try integer(.attempts), text_is_utf8: 0)
        let failure: (field: String?, message: String)?
        if record.id.len == 0 {
            // Queries over other schemas often have no id: the row number serves.
            failure = Array(String(row).utf8).withUnsafeBufferPointer { digits in
                record.id = tc_string(ptr: UnsafeRawPointer(digits.baseAddress)?.assumingMemoryBound(to: CChar.self), len: digits.count)
                return builder.append(&record)
            }
        } else {
            failure = builder.append(&record)
        }
        if let failure {
            throw .invalidRow(input: path, row: row, column: failure.field, message: failure.message)
        }
    }
}
