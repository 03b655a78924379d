import CSQLite

/// A compiled statement, stepped row by row.
///
/// Column values read from the current row stay valid until the next call to
/// ``step()``. The statement is finalized when released.
public final class SQLiteStatement {
    let handle: OpaquePointer
    private let connection: SQLiteConnection

    init(handle: OpaquePointer, connection: SQLiteConnection) {
        self.handle = handle
        self.connection = connection
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// The database the statement runs on.
    public var database: SQLiteConnection { connection }

    /// The storage class of a value, as SQLite reports it.
    public enum ValueType: Sendable {
        case integer, real, text, blob, null
    }

    /// The number of result columns.
    public var columnCount: Int { Int(sqlite3_column_count(handle)) }

    /// The name of result column `index`: its alias when the query gave one.
    public func columnName(_ index: Int) -> String {
        String(cString: sqlite3_column_name(handle, Int32(index)))
    }

    /// Advances to the next row.
    /// - Returns: `true` when a row is available, `false` when the rows are done.
    /// - Throws: ``SQLiteError`` when evaluating the statement fails.
    public func step() throws(SQLiteError) -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code: throw connection.lastError(code)
        }
    }

    /// Binds a value to parameter `index` (1-based); `nil` binds NULL.
    /// - Throws: ``SQLiteError`` when the index is out of range.
    public func bind(_ value: SQLiteValue?, at index: Int) throws(SQLiteError) {
        let i = Int32(index)
        let code: Int32
        switch value {
        case nil: code = sqlite3_bind_null(handle, i)
        case .integer(let v)?: code = sqlite3_bind_int64(handle, i, v)
        case .real(let v)?: code = sqlite3_bind_double(handle, i, v)
        case .text(let v)?: code = sqlite3_bind_text(handle, i, v, -1, SQLiteStatement.transient)
        }
        guard code == SQLITE_OK else { throw connection.lastError(code) }
    }

    /// Clears bindings and rewinds the statement so it can run again.
    public func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// The storage class of column `index` in the current row.
    public func type(_ index: Int) -> ValueType {
        switch sqlite3_column_type(handle, Int32(index)) {
        case SQLITE_INTEGER: .integer
        case SQLITE_FLOAT: .real
        case SQLITE_TEXT: .text
        case SQLITE_BLOB: .blob
        default: .null
        }
    }

    /// Column `index` of the current row as a double (SQLite converts).
    public func double(_ index: Int) -> Double { sqlite3_column_double(handle, Int32(index)) }

    /// Column `index` of the current row as a 64-bit integer (SQLite converts).
    public func int64(_ index: Int) -> Int64 { sqlite3_column_int64(handle, Int32(index)) }

    /// Column `index` of the current row as UTF-8 text, converting numbers;
    /// the bytes are valid until the next step. Empty for NULL.
    public func textBytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        guard let text = sqlite3_column_text(handle, Int32(index)) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, Int32(index))))
    }

    /// Column `index` of the current row as a Swift string (empty for NULL).
    public func text(_ index: Int) -> String { String(decoding: textBytes(index), as: UTF8.self) }

    /// SQLite's SQLITE_TRANSIENT: SQLite copies the bound bytes before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

/// A value to bind to a statement parameter.
public enum SQLiteValue: Sendable, Equatable {
    case integer(Int64)
    case real(Double)
    case text(String)
}
