import Foundation
import SQLite
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
            connection = try SQLiteConnection(path: path, mode: .readWrite)
            try connection.execute("PRAGMA busy_timeout = \(Self.busyTimeoutMilliseconds);")
            // Before anything is written (turning on WAL is a write): someone else's database stays as it was.
            try StoreSchema.checkOwnership(of: connection, path: path)
            // Turning a new file to WAL needs an exclusive lock that the busy
            // timeout does not wait for: two runs starting on a new store retry.
            try Self.retryingWhileBusy { try connection.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;") }
            try transaction { try connection.execute(StoreSchema.create) }
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
            let insert = try connection.prepare(
                "INSERT INTO runs (run_id, task_file, task_file_sha256, host, started_at) VALUES (?, ?, ?, ?, ?)")
            try insert.bind(.text(run.id), at: 1)
            try insert.bind(.text(run.taskFile), at: 2)
            try insert.bind(.text(run.taskFileSHA256), at: 3)
            try insert.bind(.text(run.host), at: 4)
            try insert.bind(.text(Self.timestamp(run.startedAt)), at: 5)
            _ = try insert.step()
        }
    }

    /// Records a finished task and its attempts in one transaction.
    public func record(_ task: TaskRecord, run: String) throws(StoreError) {
        try write {
            let last = task.attempts.last
            let first = task.attempts.first
            let insert = try taskInsert ?? connection.prepare("""
                INSERT OR REPLACE INTO tasks (run_id, id, name, "group", status, started_at, finished_at, duration_ms,
                    exit_code, http_status, attempts, error, stdout_tail, stderr_tail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            taskInsert = insert
            insert.reset()
            let values: [SQLiteValue?] = [
                .text(run), .text(task.id), .text(task.name), .text(task.group), .text(task.status),
                first.map { .text(Self.timestamp($0.startedAt)) }, last.map { .text(Self.timestamp($0.finishedAt)) },
                // A task's duration spans all its attempts, waits between retries included.
                first.flatMap { f in last.map { .real($0.finishedAt.timeIntervalSince(f.startedAt) * 1000) } },
                last?.exitCode.map { .integer(Int64($0)) }, last?.httpStatus.map { .integer(Int64($0)) },
                .integer(Int64(task.attempts.count)), (task.error ?? last?.error).map { .text($0) },
                last.map { .text($0.stdoutTail) }, last.map { .text($0.stderrTail) },
            ]
            for (index, value) in values.enumerated() { try insert.bind(value, at: index + 1) }
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
                    .text(run), .text(task.id), .integer(Int64(a.number)), .text(a.status),
                    .text(Self.timestamp(a.startedAt)), .text(Self.timestamp(a.finishedAt)), .real(a.durationMs),
                    a.exitCode.map { .integer(Int64($0)) }, a.httpStatus.map { .integer(Int64($0)) },
                    a.error.map { .text($0) }, .text(a.stdoutTail), .text(a.stderrTail),
                ]
                for (index, value) in values.enumerated() { try attempt.bind(value, at: index + 1) }
                _ = try attempt.step()
            }
        }
    }

    /// Records that a run has ended, and how (`completed`, `failed` or `cancelled`).
    public func finish(run: String, at time: Date, outcome: String) throws(StoreError) {
        try write {
            let update = try connection.prepare("UPDATE runs SET finished_at = ?, outcome = ? WHERE run_id = ?")
            try update.bind(.text(Self.timestamp(time)), at: 1)
            try update.bind(.text(outcome), at: 2)
            try update.bind(.text(run), at: 3)
            _ = try update.step()
        }
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
