import SQLite
import TaskModel

/// The store's tables. `tasks` holds the record schema's fields under their
/// names (``TaskModel/RecordField``), so `taskreport report STORE` reads it
/// without a query, and the store's own columns after them.
enum StoreSchema {
    /// 3: `tasks.duration_ms` is the last attempt's run time (2 kept the span across retries there).
    /// 2: the runs table keeps the task file's text (1 kept its SHA-256).
    ///
    /// Kept in the one-row table `store_info` (`schema_version`), which a read-only reader can
    /// select where it cannot run a pragma, and in `PRAGMA user_version` for SQLite's tools.
    static let version = 3

    /// The columns of `tasks`, in order: every record field but the free `data` payload, then the store's own.
    static let taskColumns: [(name: String, type: String)] =
        RecordField.allCases.compactMap { field in sqlType(of: field).map { (field.name, $0) } }
        + [("http_status", "INTEGER"), ("stdout_tail", "TEXT"), ("stderr_tail", "TEXT")]

    /// The SQL type and constraints of a record field in `tasks`; nil for a field the store does not keep.
    private static func sqlType(of field: RecordField) -> String? {
        switch field {
        case .runID: "TEXT NOT NULL REFERENCES runs(run_id)"
        case .id, .status: "TEXT NOT NULL"
        case .name, .group, .startedAt, .finishedAt, .error: "TEXT"
        case .durationMs: "REAL"
        case .exitCode: "INTEGER"
        case .attempts: "INTEGER NOT NULL"
        case .data, .output: nil  // the store keeps its own output tails
        }
    }

    static let runColumns = ["run_id", "task_file", "task_file_text", "host", "started_at", "finished_at", "outcome"]
    static let attemptColumns = [
        "run_id", "task_id", "attempt", "status", "started_at", "finished_at", "duration_ms", "exit_code", "http_status",
        "error", "stdout_tail", "stderr_tail",
    ]

    /// The tables and what makes them a store's: every column but those a migration adds.
    static var tables: [String: Set<String>] {
        ["runs": Set(runColumns).subtracting(["task_file_text"]), "tasks": Set(taskColumns.map(\.name)),
         "attempts": Set(attemptColumns)]
    }

    /// An SQL identifier in double quotes (`"group"` is a keyword).
    static func quoted(_ name: String) -> String { "\"\(name)\"" }

    static var create: String {
        let tasks = taskColumns.map { "    \(quoted($0.name)) \($0.type)" }.joined(separator: ",\n")
        return """
            CREATE TABLE IF NOT EXISTS runs (
                run_id         TEXT PRIMARY KEY,
                task_file      TEXT NOT NULL,
                task_file_text TEXT,
                host           TEXT NOT NULL,
                started_at     TEXT NOT NULL,
                finished_at    TEXT,
                outcome        TEXT
            );
            CREATE TABLE IF NOT EXISTS \(RecordField.tableName) (
            \(tasks),
                PRIMARY KEY (run_id, id)
            );
            CREATE TABLE IF NOT EXISTS attempts (
                run_id      TEXT NOT NULL,
                task_id     TEXT NOT NULL,
                attempt     INTEGER NOT NULL,
                status      TEXT NOT NULL,
                started_at  TEXT NOT NULL,
                finished_at TEXT NOT NULL,
                duration_ms REAL NOT NULL,
                exit_code   INTEGER,
                http_status INTEGER,
                error       TEXT,
                stdout_tail TEXT,
                stderr_tail TEXT,
                PRIMARY KEY (run_id, task_id, attempt)
            );
            CREATE TABLE IF NOT EXISTS store_info (
                schema_version INTEGER NOT NULL
            );
            """
    }

    /// Brings a store made by an earlier version up to this one (in the caller's transaction).
    /// - Returns: Whether `runs` still has version 1's `task_file_sha256 NOT NULL`, which then gets "".
    static func migrate(_ connection: SQLiteConnection) throws -> Bool {
        let columns = try self.columns(of: "runs", on: connection)
        if !columns.contains("task_file_text") {
            try connection.execute("ALTER TABLE runs ADD COLUMN task_file_text TEXT")
        }
        let found = try connection.prepare("PRAGMA user_version")
        let stored = try found.step() ? Int(found.int64(0)) : 0
        if stored < 3 {
            // Durations were spans across retries: each task gets its last attempt's run time.
            try connection.execute("""
                UPDATE \(RecordField.tableName) SET duration_ms = (\(lastAttemptDuration))
                WHERE EXISTS (SELECT 1 FROM attempts a WHERE a.run_id = \(RecordField.tableName).run_id
                              AND a.task_id = \(RecordField.tableName).id)
                """)
        }
        if stored != version {
            try connection.execute("""
                DELETE FROM store_info; INSERT INTO store_info (schema_version) VALUES (\(version));
                PRAGMA user_version = \(version);
                """)
        }
        return columns.contains("task_file_sha256")
    }

    /// SQL for the run time of a task's last attempt, in a statement over `tasks`.
    static let lastAttemptDuration = """
        SELECT a.duration_ms FROM attempts a WHERE a.run_id = \(RecordField.tableName).run_id
        AND a.task_id = \(RecordField.tableName).id ORDER BY a.attempt DESC LIMIT 1
        """

    /// Checks that the database behind `connection` is empty or a store (its
    /// three tables with their columns; tables added beside them are fine).
    /// - Throws: ``StoreError/foreignDatabase(path:tables:)`` naming the tables found, or SQLite's error
    ///   (`SQLITE_NOTADB` for a file that is not a database).
    static func checkOwnership(of connection: SQLiteConnection, path: String) throws {
        let list = try connection.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name")
        var found: [String] = []
        while try list.step() { found.append(list.text(0)) }
        guard !found.isEmpty else { return }
        for (table, columns) in tables {
            guard columns.isSubset(of: try self.columns(of: table, on: connection)) else {
                throw StoreError.foreignDatabase(path: path, tables: found)
            }
        }
    }

    private static func columns(of table: String, on connection: SQLiteConnection) throws -> Set<String> {
        let info = try connection.prepare("SELECT name FROM pragma_table_info(?1)")
        try info.bind(.text(table), at: 1)
        var names: Set<String> = []
        while try info.step() { names.insert(info.text(0)) }
        return names
    }
}
