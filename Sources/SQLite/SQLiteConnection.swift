import CSQLite

/// An open SQLite database.
///
/// Owns one `sqlite3` handle and closes it when released. A connection is
/// used from one task at a time, so it is not `Sendable`.
public final class SQLiteConnection {
    let handle: OpaquePointer

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
    public init(path: String, mode: Mode = .readOnly) throws(SQLiteError) {
        var db: OpaquePointer?
        let flags = mode == .readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
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
