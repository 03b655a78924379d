import CSQLite

/// An open SQLite database.
///
/// Owns one `sqlite3` handle and closes it when released. A connection is
/// used from one task at a time, so it is not `Sendable`.
public final class SQLiteConnection {
    let handle: OpaquePointer
    /// Whether the file was opened immutable (no locks; see ``input(path:allowImmutable:)``).
    public internal(set) var isImmutable = false

    /// How a connection opens its file.
    public enum Mode: Sendable {
        /// Reading only; the file must exist.
        case readOnly
        /// Reading and writing; the file is created when absent.
        case readWrite
    }

    /// Opens the database at `path`.
    /// - Parameters:
    ///   - path: The file to open.
    ///   - mode: Whether to read only or also write (creating the file).
    /// - Throws: ``SQLiteError`` when SQLite cannot open the file.
    public convenience init(path: String, mode: Mode = .readOnly) throws(SQLiteError) {
        try self.init(path: path, flags: mode == .readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
    }

    /// Opens `path` (a file name, or a `file:` URI with `SQLITE_OPEN_URI`) with SQLite's open flags.
    init(path: String, flags: Int32) throws(SQLiteError) {
        var db: OpaquePointer?
        let code = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_close(db)
            throw SQLiteError(code: code, message: message)
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Compiles one SQL statement.
    /// - Parameter sql: The statement's text.
    /// - Returns: The prepared statement, ready to step.
    /// - Throws: ``SQLiteError`` when the SQL does not compile (syntax, unknown table or column).
    public func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw lastError(code)
        }
        return SQLiteStatement(handle: statement, connection: self)
    }

    /// Compiles text that must be exactly one statement that only reads, such as a user's query.
    /// - Throws: ``SQLiteError`` with reason ``SQLiteError/Reason/empty`` for text without a
    ///   statement, ``SQLiteError/Reason/severalStatements`` when more follows the first,
    ///   ``SQLiteError/Reason/writes`` when it would change the database; else SQLite's error.
    public func prepareQuery(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        let text = Array(sql.utf8CString)
        var statement: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let code = text.withUnsafeBufferPointer { buffer in
            sqlite3_prepare_v2(handle, buffer.baseAddress, Int32(buffer.count), &statement, &tail)
        }
        guard code == SQLITE_OK else { throw lastError(code) }
        guard let statement else { throw SQLiteError(code: SQLITE_MISUSE, message: "the query is empty", reason: .empty) }
        let prepared = SQLiteStatement(handle: statement, connection: self)
        // Whatever follows the first statement must compile to nothing (space, comments, semicolons).
        var next: OpaquePointer?
        let rest = text.withUnsafeBufferPointer { buffer -> Int32 in
            let offset = tail.map { buffer.baseAddress!.distance(to: $0) } ?? buffer.count - 1
            return sqlite3_prepare_v2(handle, buffer.baseAddress! + offset, Int32(buffer.count - offset), &next, nil)
        }
        sqlite3_finalize(next)
        guard rest == SQLITE_OK, next == nil else {
            throw SQLiteError(code: SQLITE_MISUSE, message: "the query holds more than one statement", reason: .severalStatements)
        }
        guard sqlite3_stmt_readonly(statement) != 0 else {
            throw SQLiteError(code: SQLITE_READONLY, message: "the query would change the database", reason: .writes)
        }
        return prepared
    }

    /// Runs SQL that returns no rows, such as `PRAGMA` or `CREATE TABLE`; several statements may be given.
    /// - Throws: ``SQLiteError`` when any statement fails.
    public func execute(_ sql: String) throws(SQLiteError) {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw lastError(code) }
    }

    /// The connection's latest error as a Swift error.
    func lastError(_ code: Int32) -> SQLiteError {
        SQLiteError(code: code, message: String(cString: sqlite3_errmsg(handle)))
    }
}
