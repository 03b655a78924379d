import CSQLite

/// A failure reported by SQLite: its result code and its own message.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    /// SQLite's primary or extended result code (`SQLITE_NOTADB`, `SQLITE_ERROR`, …).
    public let code: Int32
    /// SQLite's message, e.g. "no such table: tasks".
    public let message: String

    /// Creates an error from a result code and message.
    public init(code: Int32, message: String) {
        self.code = code
        self.message = message
    }

    /// Whether SQLite found that the file is not a database at all.
    public var isNotADatabase: Bool { code & 0xff == SQLITE_NOTADB }

    /// Whether another connection held a lock this one needed.
    public var isBusy: Bool { code & 0xff == SQLITE_BUSY || code & 0xff == SQLITE_LOCKED }

    public var description: String { message }
}
