import CSQLite
import Foundation

extension SQLiteConnection {
    /// How long a reader waits for a writer's lock before giving up.
    public static let inputBusyTimeoutMilliseconds: Int32 = 10_000
    /// The longest text or blob a value read from an input may be.
    public static let inputMaximumValueLength: Int32 = 256 << 20

    /// Opens a database someone else made, to read task records from it.
    ///
    /// The database and any `--query` are untrusted, so the connection:
    /// - opens read-only, and never creates files beside the database: a
    ///   write-ahead-log database with no `-wal` file (all of it checkpointed)
    ///   opens immutable, where SQLite would otherwise create `-wal` and `-shm`;
    /// - waits up to ``inputBusyTimeoutMilliseconds`` for a writer's lock;
    /// - is defensive (`SQLITE_DBCONFIG_DEFENSIVE`), does not trust functions
    ///   in the schema, and loads no extensions;
    /// - lets statements read only (``InputAuthorizer``): no writes, no
    ///   `ATTACH`, no `PRAGMA`, no function that reveals memory or touches files;
    /// - caps a value at ``inputMaximumValueLength`` bytes.
    ///
    /// An immutable connection takes no locks: a writer that starts while it
    /// reads can change the file under it. Callers that know the database is
    /// one whose writers they run beside (taskreport's own store) open it with
    /// `allowImmutable: false`, so that SQLite's locks keep the read consistent.
    /// - Parameter allowImmutable: Whether a checkpointed WAL database may open immutable.
    /// - Throws: ``SQLiteError`` when SQLite cannot open the file or configure the connection.
    public static func input(path: String, allowImmutable: Bool = true) throws(SQLiteError) -> SQLiteConnection {
        let immutable = allowImmutable && Self.isCheckpointedWriteAheadLog(path)
        let connection = try SQLiteConnection(
            path: immutable ? Self.immutableURI(path) : path, flags: SQLITE_OPEN_READONLY | (immutable ? SQLITE_OPEN_URI : 0))
        connection.isImmutable = immutable
        let db = connection.handle
        sqlite3_busy_timeout(db, inputBusyTimeoutMilliseconds)
        for (option, value) in [(SQLITE_DBCONFIG_DEFENSIVE, 1), (SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0),
                                (SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0)] {
            let code = taskreport_sqlite3_db_config_int(db, option, Int32(value))
            guard code == SQLITE_OK else { throw connection.lastError(code) }
        }
        sqlite3_limit(db, SQLITE_LIMIT_LENGTH, inputMaximumValueLength)
        let code = sqlite3_set_authorizer(db, InputAuthorizer.callback, nil)
        guard code == SQLITE_OK else { throw connection.lastError(code) }
        return connection
    }

    /// Whether `path` is a write-ahead-log database whose log is empty and gone:
    /// its header says WAL (read and write versions 2) and no `-wal` file is beside it.
    static func isCheckpointedWriteAheadLog(_ path: String) -> Bool {
        guard let file = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? file.close() }
        guard let header = try? file.read(upToCount: 20), header.count == 20 else { return false }
        return header[18] == 2 && header[19] == 2 && !FileManager.default.fileExists(atPath: path + "-wal")
    }

    /// A `file:` URI that opens `path` immutable (no locks, no `-shm`), with `%`, `?` and `#` escaped.
    static func immutableURI(_ path: String) -> String {
        var uri = Array("file:".utf8)
        for byte in URL(fileURLWithPath: path).standardizedFileURL.path.utf8 {
            if byte == UInt8(ascii: "%") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") {
                uri += Array("%\(String(byte, radix: 16, uppercase: true))".utf8)
            } else {
                uri.append(byte)  // SQLite reads the rest of the path as bytes
            }
        }
        return String(decoding: uri + Array("?immutable=1".utf8), as: UTF8.self)
    }
}

/// What statements on an input connection may do: read, nothing else.
enum InputAuthorizer {
    /// Functions that reveal memory (`fts3_tokenizer` returns a pointer), load
    /// code, or reach files, refused even in a SELECT.
    static let refusedFunctions: Set<String> = [
        "fts3_tokenizer", "load_extension", "readfile", "writefile", "edit", "fts5", "sqlite_offset",
    ]

    /// The authorizer: SELECT, reading tables and views, recursive CTEs and
    /// ordinary functions are allowed; everything else is denied.
    static let callback: @convention(c) (
        UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?, UnsafePointer<CChar>?,
        UnsafePointer<CChar>?
    ) -> Int32 = { _, action, _, second, _, _ in
        switch action {
        case SQLITE_SELECT, SQLITE_READ, SQLITE_RECURSIVE:
            return SQLITE_OK
        case SQLITE_FUNCTION:
            // For functions the second argument is the function's name.
            guard let second else { return SQLITE_DENY }
            return refusedFunctions.contains(String(cString: second).lowercased()) ? SQLITE_DENY : SQLITE_OK
        default:
            return SQLITE_DENY
        }
    }
}
