import CSQLite

/// A failure reported by SQLite: its result code and its own message.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    /// SQLite's primary or extended result code (`SQLITE_NOTADB`, `SQLITE_ERROR`, …).
    public let code: Int32
    /// SQLite's message, e.g. "no such table: tasks".
    public let message: String
    /// What was wrong with a query's text, when that is the trouble rather than SQLite's answer.
    public let reason: Reason

    /// Why a statement's text was refused before it ran.
    public enum Reason: Sendable, Equatable {
        /// SQLite's own error: see the code and message.
        case sqlite
        /// The text holds no statement (nothing, or comments only).
        case empty
        /// More than one statement.
        case severalStatements
        /// A statement that would write.
        case writes
    }

    /// Creates an error from a result code and message.
    public init(code: Int32, message: String, reason: Reason = .sqlite) {
        self.code = code
        self.message = message
        self.reason = reason
    }

    /// Whether SQLite found that the file is not a database at all.
    public var isNotADatabase: Bool { code & 0xff == SQLITE_NOTADB }

    /// Whether the connection's authorizer refused the statement.
    public var isNotAuthorized: Bool { code & 0xff == SQLITE_AUTH }

    /// Whether SQLite found the file's pages inconsistent.
    public var isCorrupt: Bool { code & 0xff == SQLITE_CORRUPT }

    /// Whether another connection held a lock this one needed.
    public var isBusy: Bool { code & 0xff == SQLITE_BUSY || code & 0xff == SQLITE_LOCKED }

    public var description: String { message }
}
