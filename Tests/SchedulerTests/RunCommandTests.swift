import Foundation
import Glibc
import SQLite
import Testing
import TestSupport

/// Rows of `sql` from the store at `path`, each as text columns.
func query(_ path: String, _ sql: String) throws -> [[String]] {
    let statement = try SQLiteConnection(path: path).prepare(sql)
    var rows: [[String]] = []
    while try statement.step() {
        rows.append((0..<statement.columnCount).map { statement.text($0) })
    }
    return rows
}

/// Waits for `process` to exit by polling, so that no thread of the shared
/// concurrency pool is blocked (on two cores it has two threads, and a
/// blocked one delays every other test's timers).
func exited(_ process: Process) async -> Bool {
    await waitUntil(seconds: 60) { !process.isRunning }
}

/// Starts `taskreport` with `arguments` in `folder` without waiting for it.
func start(_ arguments: [String], in folder: TemporaryFolder) throws -> Process {
    let process = Process()
    process.executableURL = CommandRun.executable
    process.arguments = arguments
    process.currentDirectoryURL = folder.url
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
}

@Suite("taskreport run, as a whole process")
struct RunCommandTests {
    @Test("exit 0 when every task completed, 1 when one did not, 2 for a bad task file")
    func exitCodes() throws {
        let folder = try TemporaryFolder()
        try folder.write("good.json", #"{ "tasks": [ { "id": "a", "command": ["true"] } ] }"#)
        try folder.write("bad.json", #"{ "tasks": [ { "id": "a", "command": ["false"] } ] }"#)
        try folder.write("cycle.json", #"{ "tasks": [ { "id": "a", "command": ["true"], "needs": ["a"] } ] }"#)
        let good = try CommandRun.taskreport(["run", "good.json"], in: folder.url)
        #expect(good.status == 0)
        #expect(good.standardOutput == folder.url.path + "/Output/index.html\n")
        #expect(try CommandRun.taskreport(["run", "bad.json", "--no-report"], in: folder.url).status == 1)
        let cycle = try CommandRun.taskreport(["run", "cycle.json"], in: folder.url)
        #expect(cycle.status == 2 && cycle.standardError == "taskreport: cycle.json: dependency cycle: a → a\n")
    }

    @Test("the store holds the run, each task, each attempt and the output tails")
    func store() throws {
        let folder = try TemporaryFolder()
        try folder.write("t.json", """
            { "tasks": [ { "id": "a", "group": "g", "shell": "echo hello" },
                         { "id": "b", "retries": 1, "retry_delay": "600ms", "shell": "echo no >&2; exit 4" } ] }
            """)
        let run = try CommandRun.taskreport(["run", "t.json", "--db", "store.db", "--no-report"], in: folder.url)
        #expect(run.status == 1)
        let db = folder.path("store.db")
        let runs = try query(db, "SELECT task_file, task_file_text, outcome, finished_at IS NOT NULL FROM runs")
        #expect(runs.map { [$0[0], $0[2], $0[3]] } == [["t.json", "failed", "1"]])
        // The text says what ran: the same JSON as the file (re-written, sorted).
        let stored = try JSONSerialization.jsonObject(with: Data(try #require(runs.first?[1]).utf8)) as? NSDictionary
        let file = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.path("t.json")))) as? NSDictionary
        #expect(stored == file)
        let tasks = try query(db, #"SELECT id, "group", status, attempts, exit_code, stdout_tail, stderr_tail FROM tasks ORDER BY id"#)
        #expect(tasks == [["a", "g", "completed", "1", "0", "hello\n", ""], ["b", "", "failed", "2", "4", "", "no\n"]])
        #expect(try query(db, "SELECT count(*) FROM attempts WHERE task_id = 'b'") == [["2"]])
        // b's duration is its last attempt's run time, not the span across the backoff (at least 300 ms: 600 ms, jittered), which its times keep.
        #expect(try query(db, """
            SELECT t.duration_ms = a.duration_ms, t.duration_ms < 300,
                   (julianday(t.finished_at) - julianday(t.started_at)) * 86400000 >= 300
            FROM tasks t JOIN attempts a ON a.run_id = t.run_id AND a.task_id = t.id AND a.attempt = 2 WHERE t.id = 'b'
            """) == [["1", "1", "1"]])
        #expect(try query(db, "PRAGMA journal_mode") == [["wal"]])
    }

    @Test("a store made by version 1 (the task file's hash, no text) takes new runs and keeps its old ones")
    func versionOneStore() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("old.db")
        try SQLiteConnection(path: db, mode: .readWrite).execute("""
            CREATE TABLE runs (run_id TEXT PRIMARY KEY, task_file TEXT NOT NULL, task_file_sha256 TEXT NOT NULL,
                               host TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT, outcome TEXT);
            CREATE TABLE tasks (run_id TEXT NOT NULL, id TEXT NOT NULL, name TEXT, "group" TEXT, status TEXT NOT NULL,
                                started_at TEXT, finished_at TEXT, duration_ms REAL, exit_code INTEGER, http_status INTEGER,
                                attempts INTEGER NOT NULL, error TEXT, stdout_tail TEXT, stderr_tail TEXT, PRIMARY KEY (run_id, id));
            CREATE TABLE attempts (run_id TEXT NOT NULL, task_id TEXT NOT NULL, attempt INTEGER NOT NULL, status TEXT NOT NULL,
                                   started_at TEXT NOT NULL, finished_at TEXT NOT NULL, duration_ms REAL NOT NULL,
                                   exit_code INTEGER, http_status INTEGER, error TEXT, stdout_tail TEXT, stderr_tail TEXT,
                                   PRIMARY KEY (run_id, task_id, attempt));
            INSERT INTO runs VALUES ('r1', 'old.json', 'abc', 'h', '2026-11-23T01:00:00.000Z', NULL, 'completed');
            INSERT INTO tasks VALUES ('r1', 'x', 'x', '', 'completed', NULL, NULL, 5, 0, NULL, 1, NULL, '', '');
            PRAGMA user_version = 1;
            """)
        try folder.write("t.json", #"{ "tasks": [ { "id": "a", "shell": "true" } ] }"#)
        let run = try CommandRun.taskreport(["run", "t.json", "--db", db, "--no-report"], in: folder.url)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try query(db, "SELECT run_id, task_file_sha256, task_file_text IS NOT NULL FROM runs ORDER BY started_at")
            == [["r1", "abc", "0"], [try #require(try query(db, "SELECT run_id FROM runs WHERE run_id <> 'r1'").first?.first), "", "1"]])
        #expect(try query(db, "SELECT count(*) FROM tasks") == [["2"]])
        #expect(try query(db, "PRAGMA user_version") == [["3"]])
        #expect(try query(db, "SELECT schema_version FROM store_info") == [["3"]])
    }

    @Test("a store made by version 2 (durations spanning retries) reads as the last attempt's time, then is migrated")
    func versionTwoStore() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("v2.db")
        // fetch: attempt 1 failed after 100 ms, a 4.7 s backoff, attempt 2 completed in 200 ms; v2 kept the 5 s span.
        try SQLiteConnection(path: db, mode: .readWrite).execute("""
            CREATE TABLE runs (run_id TEXT PRIMARY KEY, task_file TEXT NOT NULL, task_file_text TEXT,
                               host TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT, outcome TEXT);
            CREATE TABLE tasks (run_id TEXT NOT NULL, id TEXT NOT NULL, name TEXT, "group" TEXT, status TEXT NOT NULL,
                                started_at TEXT, finished_at TEXT, duration_ms REAL, exit_code INTEGER, attempts INTEGER NOT NULL,
                                error TEXT, http_status INTEGER, stdout_tail TEXT, stderr_tail TEXT, PRIMARY KEY (run_id, id));
            CREATE TABLE attempts (run_id TEXT NOT NULL, task_id TEXT NOT NULL, attempt INTEGER NOT NULL, status TEXT NOT NULL,
                                   started_at TEXT NOT NULL, finished_at TEXT NOT NULL, duration_ms REAL NOT NULL,
                                   exit_code INTEGER, http_status INTEGER, error TEXT, stdout_tail TEXT, stderr_tail TEXT,
                                   PRIMARY KEY (run_id, task_id, attempt));
            INSERT INTO runs VALUES ('r1', 'old.json', NULL, 'h', '2026-11-23T01:00:00.000Z', NULL, 'completed');
            INSERT INTO tasks VALUES ('r1', 'fetch', 'fetch', '', 'completed', '2026-11-23T01:00:00.000Z',
                                      '2026-11-23T01:00:05.000Z', 5000, 0, 2, NULL, NULL, '', '');
            INSERT INTO attempts VALUES ('r1', 'fetch', 1, 'failed', '2026-11-23T01:00:00.000Z', '2026-11-23T01:00:00.100Z',
                                         100, 1, NULL, NULL, '', '');
            INSERT INTO attempts VALUES ('r1', 'fetch', 2, 'completed', '2026-11-23T01:00:04.800Z',
                                         '2026-11-23T01:00:05.000Z', 200, 0, NULL, NULL, '', '');
            PRAGMA user_version = 2;
            """)
        let read = try CommandRun.taskreport(["stats", db, "--format", "json"], in: folder.url)
        #expect(read.status == 0, "\(read.standardError)")
        #expect(read.standardOutput.contains(#""max_ms" : 200"#), "read-only, the old store's duration is the last attempt's")
        #expect(try query(db, "SELECT duration_ms FROM tasks") == [["5000.0"]], "reading changed nothing")

        try folder.write("t.json", #"{ "tasks": [ { "id": "a", "shell": "true" } ] }"#)
        let run = try CommandRun.taskreport(["run", "t.json", "--db", db, "--no-report"], in: folder.url)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try query(db, "SELECT duration_ms FROM tasks WHERE id = 'fetch'") == [["200.0"]])
        #expect(try query(db, "SELECT schema_version FROM store_info") == [["3"]])
        #expect(try query(db, "PRAGMA user_version") == [["3"]])
        #expect(try query(db, "SELECT started_at, finished_at FROM tasks WHERE id = 'fetch'")
            == [["2026-11-23T01:00:00.000Z", "2026-11-23T01:00:05.000Z"]], "the span stays in the times")
    }

    @Test("SIGINT stops the run: running tasks and their children are stopped, everything is recorded cancelled, exit 130")
    func interrupt() async throws {
        let folder = try TemporaryFolder()
        try folder.write("t.json", """
            { "concurrency": 2, "tasks": [
                { "id": "quick", "command": ["true"] },
                { "id": "long1", "shell": "sleep 300 & echo $! > long1.pid; wait", "needs": ["quick"] },
                { "id": "long2", "shell": "sleep 300 & echo $! > long2.pid; wait", "needs": ["quick"] },
                { "id": "later", "command": ["true"], "needs": ["long1"] } ] }
            """)
        let process = try start(["run", "t.json", "--db", "store.db"], in: folder)
        #expect(await waitUntil { readPID(folder.path("long1.pid")) != nil && readPID(folder.path("long2.pid")) != nil })
        process.interrupt()
        #expect(await exited(process))
        #expect(process.terminationStatus == 130)
        let tasks = try query(folder.path("store.db"), "SELECT id, status FROM tasks ORDER BY id")
        #expect(tasks == [["later", "cancelled"], ["long1", "cancelled"], ["long2", "cancelled"], ["quick", "completed"]])
        #expect(try query(folder.path("store.db"), "SELECT outcome FROM runs") == [["cancelled"]])
        #expect(try query(folder.path("store.db"), "PRAGMA integrity_check") == [["ok"]])
        for file in ["long1.pid", "long2.pid"] {
            let pid = try #require(readPID(folder.path(file)))
            #expect(await waitUntil(seconds: 3) { !isAlive(pid) }, "\(file): process \(pid) was left behind")
        }
        #expect(folder.exists("Output/index.html"), "the report is still written")
    }

    @Test("SIGKILL mid-run keeps every task that had finished")
    func killed() async throws {
        let folder = try TemporaryFolder()
        try folder.write("t.json", """
            { "concurrency": 1, "tasks": [
                { "id": "one", "command": ["true"] },
                { "id": "two", "command": ["true"], "needs": ["one"] },
                { "id": "hang", "shell": "echo $$ > hang.pid; exec sleep 300", "needs": ["two"] } ] }
            """)
        let process = try start(["run", "t.json", "--db", "store.db"], in: folder)
        #expect(await waitUntil { readPID(folder.path("hang.pid")) != nil })
        kill(process.processIdentifier, SIGKILL)
        #expect(await exited(process))
        if let pid = readPID(folder.path("hang.pid")) { kill(-pid, SIGKILL) }  // its group outlives a killed parent
        let db = folder.path("store.db")
        #expect(try query(db, "SELECT id, status FROM tasks ORDER BY id") == [["one", "completed"], ["two", "completed"]])
        #expect(try query(db, "PRAGMA integrity_check") == [["ok"]])
        #expect(try query(db, "SELECT outcome IS NULL FROM runs") == [["1"]], "the run never finished")
    }

    @Test("two runs writing to one store at once both succeed")
    func sharedStore() async throws {
        let folder = try TemporaryFolder()
        let tasks = (1...20).map { #"{ "id": "t\#($0)", "command": ["true"] }"# }.joined(separator: ",")
        try folder.write("t.json", #"{ "concurrency": 4, "tasks": [\#(tasks)] }"#)
        let first = try start(["run", "t.json", "--db", "store.db", "--no-report"], in: folder)
        let second = try start(["run", "t.json", "--db", "store.db", "--no-report"], in: folder)
        #expect(await exited(first))
        #expect(await exited(second))
        #expect(first.terminationStatus == 0 && second.terminationStatus == 0)
        let db = folder.path("store.db")
        #expect(try query(db, "SELECT count(*), count(DISTINCT run_id) FROM tasks WHERE status = 'completed'") == [["40", "2"]])
        #expect(try query(db, "SELECT count(*) FROM runs WHERE outcome = 'completed'") == [["2"]])
    }

    @Test("a report over the store shows the latest run and the history of both runs")
    func history() throws {
        let folder = try TemporaryFolder()
        try folder.write("t.json", #"{ "tasks": [ { "id": "a", "command": ["true"] }, { "id": "b", "command": ["false"] } ] }"#)
        try folder.write("t2.json", #"{ "tasks": [ { "id": "a", "command": ["true"] }, { "id": "b", "command": ["true"] } ] }"#)
        #expect(try CommandRun.taskreport(["run", "t.json", "--no-report"], in: folder.url).status == 1)
        #expect(try CommandRun.taskreport(["run", "t2.json"], in: folder.url).status == 0)
        // The run's report read the store; the run tidied it, so no log files sit in the folder it publishes.
        #expect(!folder.exists("Output/taskreport.sqlite-wal") && !folder.exists("Output/taskreport.sqlite-shm"))
        let report = try CommandRun.taskreport(["report", "Output/taskreport.sqlite", "--out", "Report"], in: folder.url)
        #expect(report.status == 0, "\(report.standardError)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.url.appendingPathComponent("Report/stats.json"))) as! [String: Any]
        let statistics = json["statistics"] as! [String: Any]
        #expect(statistics["record_count"] as? Int == 2)
        #expect(statistics["success_rate"] as? Double == 1)
        let runs = (statistics["history"] as! [String: Any])["runs"] as! [[String: Any]]
        #expect(runs.map { $0["success_rate"] as? Double } == [0.5, 1])
        #expect(statistics["run"] as? String == runs.last?["run_id"] as? String)
        #expect(folder.exists("Report/charts/history.svg") && folder.exists("Report/charts/history.png"))
        let html = try String(contentsOfFile: folder.path("Report/index.html"), encoding: .utf8)
        #expect(html.contains(#"<h2 id="runs-heading">Runs</h2>"#))
        let all = try CommandRun.taskreport(["stats", "Output/taskreport.sqlite", "--all-runs", "--format", "json"], in: folder.url)
        #expect(all.standardOutput.contains(#""record_count" : 4"#))
    }
}
