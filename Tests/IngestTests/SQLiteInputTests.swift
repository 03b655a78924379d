import Foundation
import SQLite
import TaskModel
import Testing
import TestSupport

@testable import Ingest

/// A real SQLite file made with `sql` in a temporary folder.
func database(_ sql: String, in folder: TemporaryFolder, name: String = "tasks.sqlite") throws -> String {
    let path = folder.path(name)
    try SQLiteConnection(path: path, mode: .readWrite).execute(sql)
    return path
}

@Suite("SQLite inputs")
struct SQLiteInputTests {
    static let schema = """
        CREATE TABLE tasks (id TEXT, status TEXT, name TEXT, "group" TEXT, started_at, finished_at,
                            duration_ms REAL, exit_code INTEGER, attempts INTEGER, run_id TEXT, error TEXT, data TEXT);
        """

    @Test("the tasks table is read by column name, times as text or numbers")
    func defaultTable() throws {
        let folder = try TemporaryFolder()
        let path = try database(Self.schema + """
            INSERT INTO tasks VALUES ('a', 'completed', 'build', 'ci', '2026-11-24T01:00:00Z', '2026-11-24T01:00:03Z',
                                      NULL, 0, 1, 'r1', NULL, '{"k":1}');
            INSERT INTO tasks VALUES (7, 'failed', 'test', 'ci', 1795482000, NULL, 250.5, 3, 2, 'r1', 'boom', NULL);
            """, in: folder)
        let t = try TaskLoader().load([.file(path)])
        #expect(t.count == 2)
        #expect(t.id[0] == "a" && t.id[1] == "7")
        #expect(t.status.entries == ["completed", "failed"])
        #expect(t.durationMs == [3000, 250.5])
        #expect(t.startedAt == [1_795_482_000, 1_795_482_000])
        #expect(t.exitCode == [0, 3] && t.attempts == [1, 2])
        #expect(t.error[1] == "boom" && t.data[0] == #"{"k":1}"#)
    }

    @Test("--query reads any schema through aliases; rows without an id are numbered")
    func airflowQuery() throws {
        let folder = try TemporaryFolder()
        let path = try database("""
            CREATE TABLE task_instance (task_id TEXT, dag_id TEXT, state TEXT, start_date TEXT, duration REAL);
            INSERT INTO task_instance VALUES ('extract', 'etl', 'success', '2026-11-24 01:00:00.000000+00:00', 12.5);
            INSERT INTO task_instance VALUES ('load', 'etl', 'failed', '2026-11-24 01:00:13+00:00', 0.25);
            INSERT INTO task_instance VALUES ('report', 'bi', 'upstream_failed', NULL, NULL);
            INSERT INTO task_instance VALUES ('queued', 'bi', NULL, NULL, NULL);
            INSERT INTO task_instance VALUES ('blank', 'bi', '', '2026-11-24 01:00:20.5+00', NULL);
            """, in: folder, name: "airflow.db")
        let query = """
            SELECT task_id AS name, dag_id AS "group", state AS status, duration*1000 AS duration_ms,
                   start_date AS started_at FROM task_instance
            """
        let t = try TaskLoader(query: query).load([.file(path)])
        #expect(t.count == 5)
        #expect((0..<5).map { t.id[$0] } == ["1", "2", "3", "4", "5"])
        #expect(t.status.entries == ["success", "failed", "upstream_failed", "none"], "a NULL or empty state is 'none'")
        #expect(StatusKind(label: "none") == .other)
        #expect(t.group.entries == ["etl", "bi"])
        #expect(t.durationMs[0] == 12_500 && t.durationMs[1] == 250 && t.durationMs[2].isNaN)
        #expect(t.startedAt[0] == 1_795_482_000 && t.startedAt[1] == 1_795_482_013)
        #expect(t.startedAt[4] == 1_795_482_020.5, "PostgreSQL's +00")
    }

    @Test("a large rowid range is read as two halves in parallel, in order, with true row numbers")
    func parallelRanges() throws {
        let folder = try TemporaryFolder()
        // A gap in the rowids makes the range large enough to split with few rows.
        let path = try database(Self.schema + """
            INSERT INTO tasks (rowid, id, status, duration_ms) VALUES (1, 'a', 'completed', 1);
            INSERT INTO tasks (rowid, id, status, duration_ms) VALUES (2, 'b', 'failed', 2);
            INSERT INTO tasks (rowid, id, status, duration_ms) VALUES (300000, 'c', 'completed', 3);
            INSERT INTO tasks (rowid, id, status, duration_ms) VALUES (300001, 'd', 'skipped', 4);
            """, in: folder)
        let t = try TaskLoader().load([.file(path)])
        #expect((0..<4).map { t.id[$0] } == ["a", "b", "c", "d"])
        #expect(t.durationMs == [1, 2, 3, 4])
        #expect(t.status.entries == ["completed", "failed", "skipped"] && t.status.codes == [0, 1, 0, 2])

        try SQLiteConnection(path: path, mode: .readWrite).execute("UPDATE tasks SET duration_ms = 'slow' WHERE id = 'd'")
        let error = #expect(throws: IngestError.self) { _ = try TaskLoader().load([.file(path)]) }
        #expect(error?.description == "\(path): row 4, column 'duration_ms': expected a number, got text 'slow'")
    }

    @Test("the tasks table is read by its schema columns only, whatever their case; other columns are not read")
    func schemaColumns() throws {
        let folder = try TemporaryFolder()
        let path = try database(#"""
            CREATE TABLE tasks ("ID" TEXT, "Status" TEXT, "Duration_MS" REAL, "notes ""quoted""" TEXT, stdout_tail BLOB);
            INSERT INTO tasks VALUES ('a', 'completed', 5, 'x', zeroblob(100000));
            INSERT INTO tasks VALUES ('b', 'failed', 7, 'y', zeroblob(100000));
            """#, in: folder)
        let t = try TaskLoader().load([.file(path)])
        #expect((0..<2).map { t.id[$0] } == ["a", "b"])
        #expect(t.status.entries == ["completed", "failed"] && t.durationMs == [5, 7])
    }

    @Test("SQLite and JSON inputs concatenate")
    func mixed() throws {
        let folder = try TemporaryFolder()
        let db = try database(Self.schema + "INSERT INTO tasks (id, status) VALUES ('x', 'completed');", in: folder)
        let json = try folder.write("more.jsonl", #"{"id":"y","status":"completed"}"#)
        let t = try TaskLoader().load([.file(db), .file(json)])
        #expect(t.count == 2 && t.status.codes == [0, 0])
    }

    @Test("a database without a tasks table says how to read it")
    func missingTable() throws {
        let folder = try TemporaryFolder()
        let path = try database("CREATE TABLE other (x);", in: folder)
        let error = #expect(throws: IngestError.self) { _ = try TaskLoader().load([.file(path)]) }
        #expect(error?.description
            == "\(path): no table 'tasks' in this database; pass --query \"SELECT … AS status …\" to read another schema")
    }

    @Test("a failing query is reported with SQLite's message")
    func badQuery() throws {
        let folder = try TemporaryFolder()
        let path = try database(Self.schema, in: folder)
        let error = #expect(throws: IngestError.self) { _ = try TaskLoader(query: "SELEC nope").load([.file(path)]) }
        #expect(error?.description == "\(path): query failed: near \"SELEC\": syntax error")
    }

    @Test("a query without a status column names the column to add")
    func missingStatus() throws {
        let folder = try TemporaryFolder()
        let path = try database(Self.schema, in: folder)
        let error = #expect(throws: IngestError.self) { _ = try TaskLoader(query: "SELECT id FROM tasks").load([.file(path)]) }
        #expect(error?.description.hasPrefix("\(path): the query's result has no column 'status'") == true)
    }

    @Test("a row with text where a number belongs names the row and the column")
    func wrongType() throws {
        let folder = try TemporaryFolder()
        let path = try database(Self.schema + """
            INSERT INTO tasks (id, status, duration_ms) VALUES ('a', 'ok', 5);
            INSERT INTO tasks (id, status, duration_ms) VALUES ('b', 'ok', 'slow');
            """, in: folder)
        let error = #expect(throws: IngestError.self) { _ = try TaskLoader().load([.file(path)]) }
        #expect(error?.description == "\(path): row 2, column 'duration_ms': expected a number, got text 'slow'")
    }

    @Test("an infinite duration is rejected")
    func infiniteDuration() throws {
        let folder = try TemporaryFolder()
        let path = try database(Self.schema + "INSERT INTO tasks (id, status, duration_ms) VALUES ('a', 'ok', 1e999);", in: folder)
        let error = #expect(throws: IngestError.self) { _ = try TaskLoader().load([.file(path)]) }
        #expect(error?.description == "\(path): row 1, column 'duration_ms': duration_ms must be finite, got inf")
    }

    @Test("a file named like a database that is not one")
    func notSQLite() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("tasks.db", "this is not a database\n")
        let error = #expect(throws: IngestError.self) { _ = try TaskLoader().load([.file(path)]) }
        #expect(error?.description == "\(path): not a SQLite database (no 'SQLite format 3' header)")
    }

    @Test("a store's attempts and task file are read on its own connection; other inputs are not stores, and say so by having none")
    func storeAttempts() throws {
        let folder = try TemporaryFolder()
        let store = try database("""
            CREATE TABLE runs (run_id TEXT, task_file_text TEXT);
            INSERT INTO runs VALUES ('r1', '{"tasks": []}');
            CREATE TABLE tasks (run_id TEXT, id TEXT, status TEXT, attempts INTEGER, stdout_tail TEXT, stderr_tail TEXT);
            INSERT INTO tasks VALUES ('r1', 'a', 'failed', 2, 'out a', 'err a'), ('r1', 'b', 'completed', 1, 'out b', ''),
                                     ('r1', 'c', 'completed', 2, 'out c', ''), ('r2', 'a', 'failed', 1, '', 'err r2');
            CREATE TABLE attempts (run_id TEXT, task_id TEXT, attempt INTEGER, status TEXT, started_at TEXT, finished_at TEXT,
                                   exit_code INTEGER, http_status INTEGER, error TEXT, stdout_tail TEXT, stderr_tail TEXT);
            INSERT INTO attempts VALUES
                ('r1', 'a', 1, 'failed', '2026-11-24T01:00:00.000Z', '2026-11-24T01:00:01.250Z', 1, NULL, 'exit status 1', 'first', ''),
                ('r1', 'a', 2, 'failed', '2026-11-24T01:00:03.000Z', '2026-11-24T01:00:04.000Z', NULL, 503, 'HTTP 503', 'out a', 'err a'),
                ('r1', 'b', 1, 'completed', '2026-11-24T01:00:00.000Z', '2026-11-24T01:00:01.000Z', 0, NULL, '', 'out b', ''),
                ('r1', 'c', 1, 'failed', '2026-11-24T01:00:00.000Z', '2026-11-24T01:00:01.000Z', 1, NULL, '', 'out c1', 'err c1'),
                ('r1', 'c', 2, 'completed', '2026-11-24T01:00:02.000Z', '2026-11-24T01:00:02.500Z', 0, NULL, '', 'out c', ''),
                ('r2', 'a', 1, 'failed', '2026-11-25T01:00:00.000Z', '2026-11-25T01:00:01.000Z', 2, NULL, '', '', 'err r2');
            """, in: folder, name: "store.db")
        let plain = try database(Self.schema + "INSERT INTO tasks (id, status) VALUES ('x', 'failed');", in: folder, name: "plain.db")
        let json = try folder.write("r.jsonl", #"{"id":"j","status":"failed"}"#)
        let loaded = try TaskLoader().read([.file(store), .file(plain), .file(json)])
        #expect(loaded.table.count == 6 && loaded.stores.map(\.input) == [store])
        let attempts = try loaded.attempts(run: "r1")
        let base = 1_795_482_000.0  // 2026-11-24T01:00:00Z
        #expect(attempts[TaskAttempt.key(run: "r1", id: "a")] == [
            TaskAttempt(number: 2, status: "failed", startedAt: base + 3, finishedAt: base + 4, httpStatus: 503, error: "HTTP 503",
                        stdout: "out a", stderr: "err a"),
            TaskAttempt(number: 1, status: "failed", startedAt: base, finishedAt: base + 1.25, exitCode: 1, error: "exit status 1",
                        stdout: "first"),
        ], "each attempt of a failed task, the last first, with its output")
        #expect(attempts[TaskAttempt.key(run: "r1", id: "c")]?.map(\.startedAt) == [base + 2, base],
                "a task that completed after retries: its attempts' times…")
        #expect(attempts[TaskAttempt.key(run: "r1", id: "c")]?.allSatisfy(\.wroteNothing) == true, "…and not its output")
        #expect(attempts[TaskAttempt.key(run: "r1", id: "b")] == nil, "a task that completed at once is not read")
        #expect(try loaded.attempts(run: nil).count == 3)
        #expect(try loaded.taskFileText(run: "r1") == #"{"tasks": []}"#)
        #expect(try loaded.taskFileText(run: "r9") == nil)
        #expect(try TaskLoader(query: "SELECT id, status FROM tasks").read([.file(store)]).stores.isEmpty, "a query is not read as a store")
    }

    @Test("--query without any SQLite input is a mistake worth saying")
    func queryWithoutSQLite() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("a.jsonl", #"{"id":1,"status":"ok"}"#)
        #expect(throws: IngestError.queryWithoutSQLite) { _ = try TaskLoader(query: "SELECT 1").load([.file(path)]) }
    }
}
