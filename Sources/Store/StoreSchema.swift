import SQLite

/// The store's tables. `tasks` uses the record schema's column names, so
/// `taskreport report STORE` reads it without a query.
enum StoreSchema {
    static let version = 1

    /// The store's tables and the columns each must have.
    static let tables: [String: Set<String>] = [
        "runs": ["run_id", "task_file", "task_file_sha256", "host", "started_at", "finished_at", "outcome"],
        "tasks": ["run_id", "id", "name", "group", "status", "started_at", "finished_at", "duration_ms", "exit_code",
                  "http_status", "attempts", "error", "stdout_tail", "stderr_tail"],
        "attempts": ["run_id", "task_id", "attempt", "status", "started_at", "finished_at", "duration_ms", "exit_code",
                     "http_status", "error", "stdout_tail", "stderr_tail"],
    ]

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
            let info = try connection.prepare("SELECT name FROM pragma_table_info(?1)")
            try info.bind(.text(table), at: 1)
            var present: Set<String> = []
            while try info.step() { present.insert(info.text(0)) }
            guard columns.isSubset(of: present) else { throw StoreError.foreignDatabase(path: path, tables: found) }
        }
    }

    static let create = """
        CREATE TABLE IF NOT EXISTS runs (
            run_id           TEXT PRIMARY KEY,
            task_file        TEXT NOT NULL,
            task_file_sha256 TEXT NOT NULL,
            host             TEXT NOT NULL,
            started_at       TEXT NOT NULL,
            finished_at      TEXT,
            outcome          TEXT
        );
        CREATE TABLE IF NOT EXISTS tasks (
            run_id      TEXT NOT NULL REFERENCES runs(run_id),
            id          TEXT NOT NULL,
            name        TEXT,
            "group"     TEXT,
            status      TEXT NOT NULL,
            started_at  TEXT,
            finished_at TEXT,
            duration_ms REAL,
            exit_code   INTEGER,
            http_status INTEGER,
            attempts    INTEGER NOT NULL,
            error       TEXT,
            stdout_tail TEXT,
            stderr_tail TEXT,
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
        PRAGMA user_version = \(version);
        """
}
