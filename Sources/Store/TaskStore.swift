import Foundation
import SQLite
import TaskModel
import Support

/// The embedded SQLite store that the scheduler writes a run into.
///
/// Write-ahead logging with `synchronous = NORMAL`: each finished task is its
/// own committed transaction, which survives the process being killed. A busy
/// timeout lets two runs share one store: one waits while the other commits.
/// Used from one task at a time.
public final class TaskStore {
    private let connection: SQLiteConnection
    public let path: String
    /// Compiled once: the scheduler records every task through them.
    private var taskInsert: SQLiteStatement?
    private var attemptInsert: SQLiteStatement?
    /// A store made by version 1 has `runs.task_file_sha256 NOT NULL`; it gets "".
    private let hasLegacyHashColumn: Bool

    /// How long a writer waits for another one to commit.
    static let busyTimeoutMilliseconds = 10_000

    /// Opens the store at `path`, creating the file, its folder and its tables when absent.
    /// - Throws: ``StoreError`` naming the path.
    public init(path: String) throws(StoreError) {
        self.path = path
        do {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotOpen(path: path, reason: "\(error.localizedDescription)")
        }
        do {
            let connection = try SQLiteConnection(path: path, mode: .readWrite)
            try connection.execute("PRAGMA busy_timeout = \(Self.busyTimeoutMilliseconds);")
            // Before anything is written (turning on WAL is a write): someone else's database stays as it was.
            try StoreSchema.checkOwnership(of: connection, path: path)
            // Turning a new file to WAL needs an exclusive lock that the busy
            // timeout does not wait for: two runs starting on a new store retry.
            try Self.retryingWhileBusy { try connection.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;") }
            var legacy = false
            try Self.transaction(on: connection) {
                try connection.execute(StoreSchema.create)
                legacy = try StoreSchema.migrate(connection)
            }
            self.connection = connection
            hasLegacyHashColumn = legacy
        } catch let error as StoreError {
            throw error
        } catch let error as SQLiteError {
            throw error.isNotADatabase ? .notADatabase(path: path) : .cannotOpen(path: path, reason: error.message)
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// Records that a run has started.
    public func begin(_ run: RunRecord) throws(StoreError) {
        try write {
            var values: [(String, SQLiteValue)] = [
                ("run_id", .text(run.id)), ("task_file", .text(run.taskFile)), ("task_file_text", .text(run.taskFileText)),
                ("host", .text(run.host)), ("started_at", .text(Self.timestamp(run.startedAt))),
            ]
            if hasLegacyHashColumn { values.append(("task_file_sha256", .text(""))) }
            let insert = try connection.prepare(
                "INSERT INTO runs (\(values.map(\.0).joined(separator: ", "))) VALUES "
                    + "(\(values.map { _ in "?" }.joined(separator: ", ")))")
            for (index, value) in values.enumerated() { try insert.bind(value.1, at: index + 1) }
            _ = try insert.step()
        }
    }

    /// Records a finished task and its attempts in one transaction.
    public func record(_ task: TaskRecord, run: String) throws(StoreError) {
        try write {
            let last = task.attempts.last
            let first = task.attempts.first
            let insert = try taskInsert ?? connection.prepare(
                "INSERT OR REPLACE INTO tasks (\(StoreSchema.taskColumns.map { StoreSchema.quoted($0.name) }.joined(separator: ", ")))"
                    + " VALUES (\(StoreSchema.taskColumns.map { _ in "?" }.joined(separator: ", ")))")
            taskInsert = insert
            insert.reset()
            func value(_ column: String) -> SQLiteValue? {
                switch column {
                case RecordField.runID.name: .text(run)
                case RecordField.id.name: .text(task.id)
                case RecordField.name.name: .text(task.name)
                case RecordField.group.name: .text(task.group)
                case RecordField.status.name: .text(task.status.rawValue)
                case RecordField.startedAt.name: first.map { .text(Self.timestamp($0.startedAt)) }
                case RecordField.finishedAt.name: last.map { .text(Self.timestamp($0.finishedAt)) }
                // The work, not the wait: the last attempt's run time. The span across retries and their
                // backoff stays in started_at and finished_at.
                case RecordField.durationMs.name: last.map { .real($0.durationMs) }
                case RecordField.exitCode.name: last?.exitCode.map { .integer(Int64($0)) }
                case RecordField.attempts.name: .integer(Int64(task.attempts.count))
                case RecordField.error.name: (task.error ?? last?.error).map { .text($0) }
                case "http_status": last?.httpStatus.map { .integer(Int64($0)) }
                case "stdout_tail": last.map { .text($0.stdoutTail) }
                case "stderr_tail": last.map { .text($0.stderrTail) }
                default: nil
                }
            }
            for (index, column) in StoreSchema.taskColumns.enumerated() { try insert.bind(value(column.name), at: index + 1) }
            _ = try insert.step()

            let attempt = try attemptInsert ?? connection.prepare("""
                INSERT OR REPLACE INTO attempts (run_id, task_id, attempt, status, started_at, finished_at, duration_ms,
                    exit_code, http_status, error, stdout_tail, stderr_tail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            attemptInsert = attempt
            for a in task.attempts {
                attempt.reset()
                let values: [SQLiteValue?] = [
                    .text(run), .text(task.id), .integer(Int64(a.number)), .text(a.status.rawValue),
                    .text(Self.timestamp(a.startedAt)), .text(Self.timestamp(a.finishedAt)), .real(a.durationMs),
                    a.exitCode.map { .integer(Int64($0)) }, a.httpStatus.map { .integer(Int64($0)) },
                    a.error.map { .text($0) }, .text(a.stdoutTail), .text(a.stderrTail),
                ]
                for (index, value) in values.enumerated() { try attempt.bind(value, at: index + 1) }
                _ = try attempt.step()
            }
        }
    }

    /// Records that a run has ended, and how.
    public func finish(run: String, at time: Date, outcome: RunOutcome) throws(StoreError) {
        try write {
            let update = try connection.prepare("UPDATE runs SET finished_at = ?, outcome = ? WHERE run_id = ?")
            try update.bind(.text(Self.timestamp(time)), at: 1)
            try update.bind(.text(outcome.rawValue), at: 2)
            try update.bind(.text(run), at: 3)
            _ = try update.step()
        }
    }

    /// Folds the write-ahead log back into the store and lets SQLite remove
    /// the `-wal` and `-shm` files, as it does when the last connection that
    /// may write closes. A read-only reader (the report over the store) leaves
    /// them behind, so a report tidies each store it read once it has closed
    /// them. When another run is
    /// connected, the files are in use and stay. Failures are left unsaid: the
    /// store is whole either way.
    public static func tidy(path: String) {
        guard let connection = try? SQLiteConnection(path: path, mode: .readWrite) else { return }
        try? connection.execute("PRAGMA busy_timeout = 1000; PRAGMA wal_checkpoint(TRUNCATE);")
    }

    /// RFC 3339 UTC with milliseconds, the form Ingest reads back.
    public static func timestamp(_ date: Date) -> String {
        UTCTime(seconds: date.timeIntervalSince1970).rfc3339(milliseconds: true)
    }

    /// Runs `body` again while SQLite answers busy, for as long as the busy timeout would wait.
    private static func retryingWhileBusy(_ body: () throws -> Void) throws {
        let deadline = Date().addingTimeInterval(Double(busyTimeoutMilliseconds) / 1000)
        while true {
            do {
                return try body()
            } catch let error as SQLiteError where error.isBusy && Date() < deadline {
                usleep(10_000)
            }
        }
    }

    /// Runs `body` in an immediate transaction, committing on success, rolling back on failure.
    private func write(_ body: () throws -> Void) throws(StoreError) {
        do {
            try transaction(body)
        } catch let error as SQLiteError {
            throw .cannotWrite(path: path, reason: error.message)
        } catch {
            throw .cannotWrite(path: path, reason: "\(error)")
        }
    }

    private func transaction(_ body: () throws -> Void) throws {
        try Self.transaction(on: connection, body)
    }

    private static func transaction(on connection: SQLiteConnection, _ body: () throws -> Void) throws {
        try connection.execute("BEGIN IMMEDIATE")
        do {
            try body()
            try connection.execute("COMMIT")
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
    }
}
