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
                         { "id": "b", "retries": 1, "retry_delay": "10ms", "shell": "echo no >&2; exit 4" } ] }
            """)
        let run = try CommandRun.taskreport(["run", "t.json", "--db", "store.db", "--no-report"], in: folder.url)
        #expect(run.status == 1)
        let db = folder.path("store.db")
        let runs = try query(db, "SELECT task_file, length(task_file_sha256), outcome, finished_at IS NOT NULL FROM runs")
        #expect(runs == [["t.json", "64", "failed", "1"]])
        let tasks = try query(db, #"SELECT id, "group", status, attempts, exit_code, stdout_tail, stderr_tail FROM tasks ORDER BY id"#)
        #expect(tasks == [["a", "g", "completed", "1", "0", "hello\n", ""], ["b", "", "failed", "2", "4", "", "no\n"]])
        #expect(try query(db, "SELECT count(*) FROM attempts WHERE task_id = 'b'") == [["2"]])
        #expect(try query(db, "PRAGMA journal_mode") == [["wal"]])
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
