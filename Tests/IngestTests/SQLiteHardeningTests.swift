import Foundation
import SQLite
import Testing
import TestSupport

@testable import Ingest

/// Runs Python's sqlite3 (a SQLite of its own, in another process) on the database at `path`.
func python(_ script: String, _ path: String) throws -> CommandRun {
    try CommandRun.tool("python3", ["-c", "import sqlite3, sys, time\nc = sqlite3.connect(sys.argv[1])\n" + script, path])
}

@Suite("SQLite inputs are read only, as given, and never changed")
struct SQLiteHardeningTests {
    @Test("a write-ahead-log database is read without leaving -wal or -shm files beside it")
    func writeAheadLog() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("wal.db")
        #expect(try python("""
            c.execute("PRAGMA journal_mode=WAL"); c.execute("CREATE TABLE tasks (id, status)")
            c.execute("INSERT INTO tasks VALUES (1, 'ok')"); c.commit(); c.close()
            """, path).status == 0)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"), "closed cleanly, the log is gone")
        #expect(try TaskLoader().load([.file(path)]).count == 1)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal") && !FileManager.default.fileExists(atPath: path + "-shm"))
        // With a writer's log still there, its rows are read too (and the files were there already).
        let held = try python("""
            c.execute("PRAGMA wal_autocheckpoint=0"); c.execute("INSERT INTO tasks VALUES (2, 'ok')"); c.commit()
            c2 = sqlite3.connect(sys.argv[1]); c2.execute("SELECT * FROM tasks").fetchall()
            import subprocess; print(subprocess.run([sys.argv[2], "stats", sys.argv[1], "--format", "json"], capture_output=True).stdout.decode().count("\\"record_count\\" : 2"))
            """.replacingOccurrences(of: "sys.argv[2]", with: "'\(CommandRun.executable.path)'"), path)
        #expect(held.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == "1", "\(held.standardError)")
    }

    @Test("text that is not UTF-8, or holds a NUL, is an error naming the row and column, as in JSON")
    func oneSetOfRules() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("bytes.db")
        #expect(try python("""
            c.execute("CREATE TABLE tasks (id, status, name, error)")
            c.execute("INSERT INTO tasks VALUES (1, 'ok', 'fine', NULL)")
            c.execute("INSERT INTO tasks VALUES (2, 'ok', CAST(X'66ff6f' AS TEXT), NULL)")
            c.commit()
            """, path).status == 0)
        var error = #expect(throws: IngestError.self) { _ = try TaskLoader().load([.file(path)]) }
        #expect(error?.description == "\(path): row 2, column 'name': name is not valid UTF-8 text")
        #expect(try python("""
            c.execute("UPDATE tasks SET name = 'x' WHERE id = 2"); c.execute("UPDATE tasks SET error = 'a' || char(0) || 'b' WHERE id = 1"); c.commit()
            """, path).status == 0)
        error = #expect(throws: IngestError.self) { _ = try TaskLoader().load([.file(path)]) }
        #expect(error?.description == "\(path): row 1, column 'error': error contains a NUL character, which text may not hold")
    }

    @Test("a query must be one statement that only reads", arguments: [
        ("", "the query is empty; give one SELECT"),
        ("-- a comment, nothing else", "the query is empty; give one SELECT"),
        ("SELECT 'ok' AS status; SELECT 1", "the query holds more than one statement; give one SELECT"),
        ("DELETE FROM tasks", "the query does more than read (not authorized)"),
        ("ATTACH 'other.db' AS other", "the query does more than read (not authorized)"),
        ("PRAGMA writable_schema = 1", "the query does more than read (not authorized)"),
    ])
    func queryRules(sql: String, message: String) throws {
        let folder = try TemporaryFolder()
        let path = try database(SQLiteInputTests.schema + "INSERT INTO tasks (id, status) VALUES ('a', 'ok');", in: folder)
        let error = #expect(throws: IngestError.self) { _ = try TaskLoader(query: sql).load([.file(path)]) }
        #expect(error?.description.hasPrefix("\(path): --query: \(message)") == true, "\(String(describing: error))")
        #expect(!FileManager.default.fileExists(atPath: folder.path("other.db")), "ATTACH creates no file")
        #expect(try TaskLoader().load([.file(path)]).count == 1, "the table is untouched")
    }

    @Test("functions that reveal memory or load code are refused", arguments: [
        "SELECT fts3_tokenizer('simple') AS status, 1 AS id", "SELECT load_extension('/tmp/x.so') AS status",
    ])
    func refusedFunctions(sql: String) throws {
        let folder = try TemporaryFolder()
        let path = try database(SQLiteInputTests.schema, in: folder)
        let error = #expect(throws: IngestError.self) { _ = try TaskLoader(query: sql).load([.file(path)]) }
        #expect(error?.description.contains("not authorized") == true, "\(String(describing: error))")
    }

    @Test("SQL that starts with -- is a query, given either way")
    func leadingComment() throws {
        let folder = try TemporaryFolder()
        let path = try database(SQLiteInputTests.schema + "INSERT INTO tasks (id, status) VALUES ('a', 'ok');", in: folder)
        let sql = "-- the nightly's tasks\nSELECT id, status FROM tasks"
        for arguments in [["--query", sql], ["--query=" + sql]] {
            let run = try CommandRun.taskreport(["stats", path, "--format", "json"] + arguments)
            #expect(run.status == 0 && run.standardOutput.contains("\"record_count\" : 1"), "\(run.standardError)")
        }
    }

    @Test("a reader waits for a writer's lock, and says 'locked' (exit 1) when it is held longer than 10 s")
    func locks() throws {
        let folder = try TemporaryFolder()
        let path = try database(SQLiteInputTests.schema + "INSERT INTO tasks (id, status) VALUES ('a', 'ok');", in: folder)
        func holdLock(seconds: Double) throws -> Process {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", """
                import sqlite3, sys, time
                c = sqlite3.connect(sys.argv[1], isolation_level=None); c.execute("BEGIN EXCLUSIVE")
                open(sys.argv[1] + ".held", "w").close(); time.sleep(\(seconds)); c.execute("COMMIT")
                """, path]
            try process.run()
            while !FileManager.default.fileExists(atPath: path + ".held") { usleep(10_000) }
            try FileManager.default.removeItem(atPath: path + ".held")
            return process
        }
        var writer = try holdLock(seconds: 1)
        let waited = try CommandRun.taskreport(["stats", path])
        #expect(waited.status == 0, "waited for the lock: \(waited.standardError)")
        writer.waitUntilExit()
        writer = try holdLock(seconds: 12)
        let gaveUp = try CommandRun.taskreport(["stats", path])
        #expect(gaveUp.status == 1)
        #expect(gaveUp.standardError
            == "taskreport: \(path): the database is locked by another connection; waited 10 s for it, try again when it is done\n")
        writer.waitUntilExit()
    }
}
