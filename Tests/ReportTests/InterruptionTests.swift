import Foundation
import Testing
import TestSupport

/// A JSON Lines input large enough that the debug build takes a second or more to write its report;
/// made once, under `.build/test-artifacts/inputs/`.
enum LargeInput {
    static let path: String = {
        let path = try! BuildArtifacts.folder("inputs").appendingPathComponent("large-300k.jsonl").path
        guard !FileManager.default.fileExists(atPath: path) else { return path }
        var text = ""
        text.reserveCapacity(30_000_000)
        for i in 0..<300_000 {
            text += #"{"id":\#(i),"status":"\#(i % 7 == 0 ? "failed" : "completed")","group":"g\#(i % 12)","duration_ms":\#(i % 5000),"error":"\#(String(repeating: "x", count: 40))"}"#
            text += "\n"
        }
        try! text.write(toFile: path + ".part", atomically: false, encoding: .utf8)
        try! FileManager.default.moveItem(atPath: path + ".part", toPath: path)
        return path
    }()
}

@Suite("stopped, killed or failing part way, the report folder is the old report, and nothing stays behind", .serialized)
struct InterruptionTests {
    @Test("SIGINT, SIGTERM or SIGHUP while writing: exit 130 at once, staging folder gone, old report byte-identical",
          arguments: [SIGINT, SIGTERM, SIGHUP])
    func signals(signal: Int32) throws {
        let folder = try TemporaryFolder()
        let input = LargeInput.path
        let out = folder.path("out")
        #expect(try CommandRun.taskreport(["report", Fixtures.path("records.jsonl"), "--out", out]).status == 0)
        let before = snapshot(out)
        let running = try RunningCommand(["report", input, "--out", out])
        #expect(running.wait(upTo: 60) { !stagingFolders(beside: out).isEmpty }, "the report is being written")
        usleep(100_000)
        let ended = running.stop(with: signal)
        #expect(ended.status == 130 && ended.standardError == "taskreport: interrupted\n", "\(ended)")
        #expect(ended.seconds < 2)
        #expect(stagingFolders(beside: out).isEmpty)
        #expect(snapshot(out) == before)
    }

    @Test("kill -9 while writing leaves a staging folder; the next report removes it")
    func killed() throws {
        let folder = try TemporaryFolder()
        let input = LargeInput.path
        let out = folder.path("out")
        let running = try RunningCommand(["report", input, "--out", out])
        #expect(running.wait(upTo: 60) { !stagingFolders(beside: out).isEmpty })
        usleep(100_000)
        #expect(running.stop(with: SIGKILL).status == 128 + SIGKILL)
        #expect(stagingFolders(beside: out).count == 1, "nothing can clean up after SIGKILL")
        #expect(try CommandRun.taskreport(["report", Fixtures.path("records.jsonl"), "--out", out]).status == 0)
        #expect(stagingFolders(beside: out).isEmpty)
    }

    /// Real system calls made to fail: strace's fault injection fails the nth rename(2) of the process.
    /// (This report makes 23: 8 old charts and 5 data files moved aside, 8 charts, stats.json and index.html moved in.)
    @Test("a rename the file system refuses at any step leaves the old report byte-identical", arguments: [1, 8, 17, 23])
    func failingRename(step: Int) throws {
        let folder = try TemporaryFolder()
        let out = folder.path("out")
        #expect(try CommandRun.taskreport(["report", Fixtures.path("records.jsonl"), "--out", out]).status == 0)
        try "notes".write(toFile: out + "/charts/my-notes.svg", atomically: false, encoding: .utf8)
        let before = snapshot(out)
        let run = try CommandRun.tool("strace", [
            "-f", "-o", "/dev/null", "-e", "trace=rename", "-e", "inject=rename:error=EIO:when=\(step)",
            CommandRun.executable.path, "report", Fixtures.path("records.jsonl"), "--out", out, "--exports", "stats.json",
        ])
        #expect(run.status == 1, "\(run.standardError)")
        let line = run.standardError.split(separator: "\n").last.map(String.init) ?? ""
        #expect(line.hasPrefix("taskreport: \(out)/") && line.hasSuffix(": cannot write the report: Input/output error"), "\(line)")
        #expect(!line.contains("staging"))
        #expect(snapshot(out) == before)
        #expect(stagingFolders(beside: out).isEmpty)
    }

    @Test("a query that never ends stops on Ctrl-C at once")
    func endlessQuery() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("loop.db")
        let made = try CommandRun.tool("python3", ["-c", """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1])
            c.execute("CREATE VIEW forever AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n AS id, 'ok' AS status FROM r")
            c.commit()
            """, db])
        #expect(made.status == 0)
        let running = try RunningCommand(["stats", db, "--query", "SELECT * FROM forever"])
        usleep(700_000)
        let ended = running.stop(with: SIGINT)
        #expect(ended.status == 130 && ended.seconds < 1, "\(ended)")
    }
}
