import Foundation
import Synchronization
import SQLite
import Testing
import TestSupport

/// Every file under `folder` (the store and its log included), as bytes.
private func everyFile(in folder: String) -> [(path: String, bytes: Data)] {
    let walker = FileManager.default.enumerator(atPath: folder)
    var files: [(String, Data)] = []
    while let entry = walker?.nextObject() as? String {
        if let data = FileManager.default.contents(atPath: folder + "/" + entry) { files.append((entry, data)) }
    }
    return files
}

@Suite("taskreport run against hostile task files and endpoints")
struct HostileRunTests {
    @Test("credentials in a check's URL or headers reach the server, and no file of the report folder nor the terminal")
    func credentials() throws {
        let basic = try LoopbackHTTPServer(authorization: "Basic " + Data("admin:S3cretPassw0rd".utf8).base64EncodedString())
        let bearer = try LoopbackHTTPServer(authorization: "Bearer tok-98765-secret")
        defer { basic.stop(); bearer.stop() }
        let folder = try TemporaryFolder()
        let file = try folder.write("checks.json", """
            {"tasks":[
              {"id":"basic","http":{"url":"http://admin:S3cretPassw0rd@127.0.0.1:\(basic.port)/authorized"}},
              {"id":"bearer","http":{"url":"\(bearer.url("/authorized"))","headers":{"Authorization":"Bearer ${HEALTH_TOKEN}"}}},
              {"id":"down","timeout":"2s","http":{"url":"http://admin:S3cretPassw0rd@127.0.0.1:9/x?token=abc123secret&page=2"}}]}
            """)
        let out = folder.path("Output")
        let run = try CommandRun.taskreport(["run", file, "--db", out + "/taskreport.sqlite", "--out", out],
                                            environment: ["HEALTH_TOKEN": "tok-98765-secret"])
        #expect(run.status == 1, "down fails: \(run.standardError)")
        let statuses = try SQLiteConnection(path: out + "/taskreport.sqlite").prepare("SELECT id, status, error FROM tasks ORDER BY id")
        var rows: [String: (String, String)] = [:]
        while try statuses.step() { rows[statuses.text(0)] = (statuses.text(1), statuses.text(2)) }
        #expect(rows["basic"]?.0 == "completed" && rows["bearer"]?.0 == "completed", "the server got the credentials: \(rows)")
        #expect(rows["down"]?.1.contains("http://REDACTED@127.0.0.1:9/x?token=REDACTED&page=2") == true, "\(rows)")
        for secret in ["S3cretPassw0rd", "abc123secret", "tok-98765-secret", "admin:"] {
            #expect(!run.standardError.contains(secret) && !run.standardOutput.contains(secret))
            for (path, bytes) in everyFile(in: out) {
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) is in \(path)")
            }
        }
    }

    @Test("--db naming someone else's database, or a file that is not one, is refused before anything is written")
    func foreignDatabase() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("app.db")
        try SQLiteConnection(path: db, mode: .readWrite).execute("""
            CREATE TABLE users (id, name); CREATE TABLE tasks (id, title); INSERT INTO users VALUES (1, 'x');
            """)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let file = try folder.write("one.json", #"{"tasks":[{"id":"a","shell":"true"}]}"#)
        let run = try CommandRun.taskreport(["run", file, "--db", db, "--no-report"])
        #expect(run.status == 2)
        #expect(run.standardError == "taskreport: \(db): not a taskreport store (it holds the tables tasks, users); "
            + "nothing was written to it. Give --db a new file or a store\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        #expect(!FileManager.default.fileExists(atPath: db + "-wal"))
        let notADatabase = try CommandRun.taskreport(["run", file, "--db", file, "--no-report"])
        #expect(notADatabase.status == 2 && notADatabase.standardError.contains("not a SQLite database"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == #"{"tasks":[{"id":"a","shell":"true"}]}"#)
    }

    @Test("20 pairs of runs started together into one store and one report folder: every run exits 0, none 2")
    func concurrentRuns() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("quick.json", #"{"tasks":[{"id":"a","shell":"true"},{"id":"b","shell":"true","needs":["a"]}]}"#)
        let out = folder.path("Output")
        for pair in 0..<20 {
            let statuses = ResultStatuses()
            DispatchQueue.concurrentPerform(iterations: 2) { _ in
                let run = try? CommandRun.taskreport(["run", file, "--db", out + "/taskreport.sqlite", "--out", out])
                statuses.add(run?.status ?? -1, run?.standardError ?? "")
            }
            #expect(statuses.all.allSatisfy { $0.0 == 0 }, "pair \(pair): \(statuses.all)")
        }
        let count = try SQLiteConnection(path: out + "/taskreport.sqlite").prepare("SELECT count(*) FROM runs")
        #expect(try count.step() && count.int64(0) == 40)
        #expect(FileManager.default.fileExists(atPath: out + "/index.html"))
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: folder.path(""))) ?? []).allSatisfy { !$0.contains("staging") })
    }

    @Test("ids and errors with escape sequences and line breaks cannot forge progress lines")
    func progressLines() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("forged.json", #"""
            {"tasks":[{"id":"a\u001b[2K\r[9/9] completed  everything\nok","shell":"echo hi; exit 3"},
                      {"id":"b\u001b]0;PWNED\u0007","shell":"true"}]}
            """#)
        let run = try CommandRun.taskreport(["run", file, "--db", folder.path("s.sqlite"), "--no-report"])
        #expect(run.status == 1)
        let lines = run.standardError.split(separator: "\n")
        #expect(lines.count == 2, "one line per task: \(lines)")
        #expect(!run.standardError.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F })
        #expect(run.standardError.contains(#"a\x1b[2K\x0d[9/9] completed  everything\x0aok"#))
    }
}

/// Exit statuses and messages collected from concurrent runs.
final class ResultStatuses: Sendable {
    private let values = Mutex<[(Int32, String)]>([])
    func add(_ status: Int32, _ message: String) { values.withLock { $0.append((status, message)) } }
    var all: [(Int32, String)] { values.withLock { $0 } }
}
