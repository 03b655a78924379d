import Foundation
import SQLite
import Testing
import TestSupport

/// A bad input for `taskreport report`: its file and the error line expected on standard error.
struct BadInput: CustomTestStringConvertible, Sendable {
    let name: String
    let file: String
    let contents: [UInt8]
    /// The message after "taskreport: PATH".
    let message: String

    var testDescription: String { name }

    static let all: [BadInput] = [
        BadInput(name: "not JSON", file: "a.csv", contents: Array("id,state\n".utf8),
                 message: ":1: not JSON, JSON Lines, CSV, JUnit XML or SQLite: expected '[', '{' or '<', or a CSV header naming a status column, found 'i'"),
        BadInput(name: "truncated JSON", file: "a.json", contents: Array("[{\"id\":1,\"status\":\"ok\"},\n{\"id\"".utf8),
                 message: ":2: record 2: truncated JSON: JSON document ended early in the middle of an object or array."),
        BadInput(name: "invalid UTF-8", file: "a.jsonl", contents: Array("{\"id\":1,\"status\":\"".utf8) + [0xFF, 0x22, 0x7D],
                 message: ":1: invalid UTF-8"),
        BadInput(name: "wrong type", file: "a.jsonl", contents: Array("{\"id\":1,\"status\":\"ok\",\"attempts\":\"two\"}".utf8),
                 message: ":1: field 'attempts' must be an integer, got a string"),
        BadInput(name: "missing status", file: "a.jsonl", contents: Array("{\"id\":1}\n".utf8),
                 message: ":1: required field 'status' is missing or empty"),
        BadInput(name: "negative duration", file: "a.jsonl",
                 contents: Array("{\"id\":1,\"status\":\"ok\"}\n{\"id\":2,\"status\":\"ok\",\"duration_ms\":-3}\n".utf8),
                 message: ":2: duration_ms must not be negative, got -3"),
        BadInput(name: "not SQLite", file: "store.sqlite", contents: Array("garbage".utf8),
                 message: ": not a SQLite database (no 'SQLite format 3' header)"),
    ]
}

@Suite("failures: one line on standard error, exit code 2, nothing written")
struct CommandFailureTests {
    @Test("bad input", arguments: BadInput.all)
    func badInput(_ bad: BadInput) throws {
        let folder = try TemporaryFolder()
        let path = folder.path(bad.file)
        try Data(bad.contents).write(to: URL(fileURLWithPath: path))
        let run = try CommandRun.taskreport(["report", path, "--out", folder.path("Output")])
        #expect(run.status == 2)
        #expect(run.standardError == "taskreport: \(path)\(bad.message)\n")
        #expect(!folder.exists("Output"), "no output folder is left behind")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == [bad.file])
    }

    @Test("a missing file")
    func missingFile() throws {
        let folder = try TemporaryFolder()
        let run = try CommandRun.taskreport(["report", folder.path("nope.json"), "--out", folder.path("Output")])
        #expect(run.status == 2)
        #expect(run.standardError == "taskreport: \(folder.path("nope.json")): cannot read: No such file or directory\n")
        #expect(!folder.exists("Output"))
    }

    @Test("a failed run leaves the previous report exactly as it was")
    func previousReportKept() throws {
        let folder = try TemporaryFolder()
        let out = folder.path("Output")
        #expect(try CommandRun.taskreport(["report", Fixtures.path("records.jsonl"), "--out", out]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: out + "/stats.json"))
        let bad = try folder.write("bad.jsonl", "{\"id\":1,\"status\":\"ok\"}\n{\"id\":2}\n")
        #expect(try CommandRun.taskreport(["report", bad, "--out", out]).status == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/stats.json")) == before)
    }

    @Test("a SQLite database without a tasks table, and a failing query")
    func sqliteErrors() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("other.db")
        try SQLiteConnection(path: path, mode: .readWrite).execute("CREATE TABLE jobs (state TEXT);")
        let noTable = try CommandRun.taskreport(["report", path, "--out", folder.path("Output")])
        #expect(noTable.status == 2 && noTable.standardError.hasPrefix("taskreport: \(path): no table 'tasks'"))
        let badQuery = try CommandRun.taskreport(["report", path, "--query", "SELECT nope FROM jobs", "--out", folder.path("Output")])
        #expect(badQuery.status == 2)
        #expect(badQuery.standardError == "taskreport: \(path): query failed: no such column: nope\n")
        #expect(!folder.exists("Output"))
    }

    @Test("a template that does not parse names its file and line")
    func badTemplate() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path("tpl"), withIntermediateDirectories: true)
        try folder.write("tpl/index.mustache", "<h1>{{title}}</h1>\n{{#open}}never closed\n")
        let run = try CommandRun.taskreport([
            "report", Fixtures.path("records.jsonl"), "--out", folder.path("Output"), "--templates", folder.path("tpl"),
        ])
        #expect(run.status == 2)
        #expect(run.standardError.hasPrefix("taskreport: \(folder.path("tpl/index.mustache")):"))
        #expect(run.standardError.split(separator: "\n").count == 1)
        #expect(!folder.exists("Output"))
    }

    @Test("usage errors exit 2; --help and --version exit 0")
    func usage() throws {
        let noInput = try CommandRun.taskreport(["report"])
        #expect(noInput.status == 2 && noInput.standardError.contains("Usage:"))
        #expect(try CommandRun.taskreport(["report", "x.json", "--bogus"]).status == 2)
        #expect(try CommandRun.taskreport(["frobnicate"]).status == 2)
        let version = try CommandRun.taskreport(["--version"])
        #expect(version.status == 0 && version.standardOutput == "0.2.0\n")
        let help = try CommandRun.taskreport(["report", "--help"])
        #expect(help.status == 0 && help.standardOutput.contains("--templates"))
    }

    @Test("an empty --out (an unset variable), the root, the home folder and /etc are usage errors; nothing is written",
          arguments: ["", "/", "~", "/etc"])
    func unsafeOut(out: String) throws {
        let folder = try TemporaryFolder()
        let path = out == "~" ? (ProcessInfo.processInfo.environment["HOME"] ?? "/root") : out
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path(""))
        let run = try CommandRun.taskreport(["report", Fixtures.path("records.jsonl"), "--out", path], in: folder.url)
        #expect(run.status == 2)
        #expect(run.standardError.hasPrefix("Error: --out '\(path)': "), "\(run.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("")) == before, "nothing in the current folder")
    }

    @Test("--summary-to a full disk exits 1 with one line, after writing the report")
    func summaryToFullDisk() throws {
        let folder = try TemporaryFolder()
        let run = try CommandRun.taskreport(["report", Fixtures.path("records.jsonl"), "--out", folder.path("out"),
                                             "--summary-to", "/dev/full"])
        #expect(run.status == 1)
        #expect(run.standardError == "taskreport: /dev/full: cannot append the summary: No space left on device\n")
        #expect(folder.exists("out/index.html"))
    }

    @Test("chart --png to a folder says so in one line")
    func chartIntoFolder() throws {
        let folder = try TemporaryFolder()
        let run = try CommandRun.taskreport(["chart", Fixtures.path("records.jsonl"), "--kind", "status", "--png", folder.path("")])
        #expect(run.status == 1)
        #expect(run.standardError == "taskreport: \(folder.path("")): cannot write the chart: it is a folder; give a file name\n")
    }

    @Test("a SQLite database on standard input is refused with a hint")
    func sqliteOnStandardInput() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("t.db")
        try SQLiteConnection(path: path, mode: .readWrite).execute("CREATE TABLE tasks (id, status);")
        let run = try CommandRun.taskreport(["stats", "-"], input: try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(run.status == 2)
        #expect(run.standardError == "taskreport: -: a SQLite database cannot be read from standard input; pass its path\n")
    }
}
