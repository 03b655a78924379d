/// The store's tables. `tasks` uses the record schema's column names, so
/// `taskreport report STORE` reads it without a query.
enum StoreSchema {
    static let version = 1

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
