import Foundation
import Pipeline
import Stats
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TestSupport

/// Records as JSON Lines, written with Foundation.
func jsonLines(_ records: [[String: Any]]) throws -> String {
    try records.map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self) }
        .joined(separator: "\n") + "\n"
}

/// Two nights of the same tasks: `a` fails now, `b` is fixed, `c` became three times slower.
func twoNights(tricky name: String = "a|b *x* <i>") -> [[String: Any]] {
    func night(_ run: String, _ start: String, _ tasks: [(String, String, Double)]) -> [[String: Any]] {
        tasks.enumerated().map { i, task in
            ["id": "\(run)-\(i)", "run_id": run, "name": task.0, "group": "g,1", "status": task.1,
             "duration_ms": task.2, "started_at": start, "exit_code": task.1 == "failed" ? 2 : 0,
             "error": task.1 == "failed" ? "line one\nline \"two\"" : ""]
        }
    }
    return night("r1", "2026-11-23T01:00:00Z", [(name, "completed", 100), ("b", "failed", 100), ("c", "completed", 1000)])
        + night("r2", "2026-11-24T01:00:00Z", [(name, "failed", 100), ("b", "completed", 100), ("c", "completed", 3000),
                                               ("=cmd|' /C calc'!A0", "skipped", 1)])
}

@Suite("the exports beside index.html")
struct ExportTests {
    @Test("tasks.csv reads back, with Python's csv module, as exactly the described run's records, or all with --all-runs",
          arguments: [TaskStatistics.RunScope.latest, .all])
    func csvRoundTrip(scope: TaskStatistics.RunScope) throws {
        let folder = try TemporaryFolder()
        let all = twoNights()
        let records = scope == .all ? all : all.filter { $0["run_id"] as? String == "r2" }
        let input = try folder.write("records.jsonl", try jsonLines(all))
        try makeReport([input], out: folder.path("out")) { $0.scope = scope }
        let parsed = try CommandRun.tool("python3", ["-c", """
            import csv, json, sys
            print(json.dumps(list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))))
            """, folder.path("out/tasks.csv")])
        #expect(parsed.status == 0, "\(parsed.standardError)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(parsed.standardOutput.utf8)) as? [[String: String]])
        try #require(rows.count == records.count)
        #expect(scope == .all || records.count < all.count, "the other night's records are left out")
        for (row, record) in zip(rows, records) {
            for key in ["id", "run_id", "group", "status", "error"] {
                #expect(row[key] == record[key] as? String, "\(key)")
            }
            let name = record["name"] as! String
            // A name a spreadsheet would run as a formula is written with a leading quote.
            #expect(row["name"] == (name.hasPrefix("=") ? "'" + name : name))
            #expect(row["duration_ms"].flatMap(Double.init) == record["duration_ms"] as? Double)
            #expect(row["exit_code"].flatMap(Int.init) == record["exit_code"] as? Int)
            #expect(row["started_at"] == record["started_at"] as? String)
        }
    }

    @Test("tasks.csv quotes by bytes: CRLF alone, a quote with a combining mark and formulas stay in their cells")
    func csvHostileFields() throws {
        let folder = try TemporaryFolder()
        let fields = ["\r\n", "\r", "x\"\u{301},=HYPERLINK(\"http://evil\")", "\"\u{301}", "=1+1", "\t-2", "@sum", "a\u{1B}[31m"]
        let records: [[String: Any]] = fields.enumerated().map { i, field in
            ["id": "t\(i)\(field)", "status": "failed", "name": field, "group": field, "error": field]
        }
        let input = try folder.write("records.jsonl", try jsonLines(records))
        try makeReport([input], out: folder.path("out")) { $0.exports = [.csv] }
        let parsed = try CommandRun.tool("python3", ["-c", """
            import csv, json, sys
            print(json.dumps(list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))))
            """, folder.path("out/tasks.csv")])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(parsed.standardOutput.utf8)) as? [[String]])
        #expect(rows.count == fields.count + 1, "one row per record, and the header")
        #expect(rows.allSatisfy { $0.count == 13 }, "every row as wide as the header")
        for (row, field) in zip(rows.dropFirst(), fields) {
            let guarded = ["=", "+", "-", "@", "\t", "\r"].contains { field.unicodeScalars.first.map(String.init) == $0 }
            let expected = (guarded ? "'" : "") + field
            // Compared as scalars: String equality would treat "\r\n" as one Character either way.
            #expect(Array(row[2].unicodeScalars) == Array(expected.unicodeScalars), "name of \(row[1])")
            #expect(Array(row[10].unicodeScalars) == Array(expected.unicodeScalars), "error of \(row[1])")
        }
    }

    @Test("junit.xml is valid against the common JUnit schema, with failures, skips and escaped names")
    func junitFromRecords() throws {
        let folder = try TemporaryFolder()
        let input = try folder.write("records.jsonl", try jsonLines(twoNights(tricky: "x<y & \"z\"")))
        try makeReport([input], out: folder.path("out"))
        let junit = folder.path("out/junit.xml")
        let lint = try CommandRun.tool("xmllint", ["--noout", "--schema", Fixtures.path("junit.xsd"), junit])
        #expect(lint.status == 0, "\(lint.standardError)")
        // Parsed independently: the latest run's four tasks, one failed and one skipped.
        let document = try XMLDocument(contentsOf: URL(fileURLWithPath: junit))
        let suite = try #require(try document.nodes(forXPath: "/testsuites/testsuite").first as? XMLElement)
        #expect(suite.attribute(forName: "tests")?.stringValue == "4")
        #expect(suite.attribute(forName: "failures")?.stringValue == "1")
        #expect(suite.attribute(forName: "skipped")?.stringValue == "1")
        let failed = try #require(try document.nodes(forXPath: "//testcase[failure]").first as? XMLElement)
        #expect(failed.attribute(forName: "name")?.stringValue == "x<y & \"z\"")
        #expect(failed.attribute(forName: "classname")?.stringValue == "g,1")
        #expect(failed.stringValue?.contains("exit code: 2") == true)
        #expect(try document.nodes(forXPath: "//testcase[@name='c']").first.map { ($0 as! XMLElement).attribute(forName: "time")?.stringValue } == "3.000")
    }

    @Test("junit.xml from runs carries each failed task's own output tail")
    func junitFromTheStore() throws {
        let folder = try TemporaryFolder()
        let tasks = try folder.write("tasks.json", """
            {"name": "nightly", "tasks": [
              {"id": "ok", "shell": "echo fine"},
              {"id": "broken", "group": "checks",
               "shell": "n=$(cat count 2>/dev/null || echo 0); n=$((n+1)); echo $n > count; echo \\"run $n: disk <full> & more\\" >&2; exit 3"},
              {"id": "after", "needs": ["broken"], "shell": "echo never"}
            ]}
            """)
        for _ in 0..<2 {
            let run = try CommandRun.taskreport(
                ["run", tasks, "--db", folder.path("store.sqlite"), "--out", folder.path("out")], in: folder.url)
            #expect(run.status == 1, "\(run.standardError)")
        }
        func junit(_ folderName: String) throws -> XMLDocument {
            let path = folder.path("\(folderName)/junit.xml")
            let lint = try CommandRun.tool("xmllint", ["--noout", "--schema", Fixtures.path("junit.xsd"), path])
            #expect(lint.status == 0, "\(lint.standardError)")
            return try XMLDocument(contentsOf: URL(fileURLWithPath: path))
        }
        // The latest run only.
        let latest = try junit("out")
        let failure = try #require(try latest.nodes(forXPath: "//testcase[@name='broken']/failure").first as? XMLElement)
        #expect(failure.attribute(forName: "message")?.stringValue == "exit status 3")
        #expect(failure.stringValue == """
            status: failed
            exit code: 3
            attempts: 1
            error: exit status 3

            --- standard error, last lines ---
            run 2: disk <full> & more

            """)
        #expect(try latest.nodes(forXPath: "//testcase[@name='broken']/system-err").first?.stringValue == "run 2: disk <full> & more\n")
        #expect(try latest.nodes(forXPath: "//testcase[@name='broken']/system-out").isEmpty)
        let skip = try latest.nodes(forXPath: "//testcase[@name='after']/skipped").first as? XMLElement
        #expect(skip?.attribute(forName: "message")?.stringValue == "skipped: needs 'broken', which did not complete")
        #expect(try latest.nodes(forXPath: "//testcase[@name='ok']/*").isEmpty)
        // Both runs: each failure with its own run's output.
        try makeReport([folder.path("store.sqlite")], out: folder.path("all")) { $0.scope = .all }
        let failures = try junit("all").nodes(forXPath: "//testcase[@name='broken']/failure").compactMap(\.stringValue)
        #expect(failures.count == 2)
        #expect(failures.first?.contains("run 1: disk") == true && failures.last?.contains("run 2: disk") == true)
    }

    @Test("summary.md has the counts, rates, new failures and regressions, escaped; --summary-to appends")
    func summary() throws {
        let folder = try TemporaryFolder()
        let input = try folder.write("records.jsonl", try jsonLines(twoNights()))
        let appended = try folder.write("step-summary.md", "earlier\n")
        for _ in 0..<2 {
            let run = try CommandRun.taskreport(["report", input, "--out", folder.path("out"), "--summary-to", appended])
            #expect(run.status == 0, "\(run.standardError)")
        }
        let summary = try String(contentsOfFile: folder.path("out/summary.md"), encoding: .utf8)
        #expect(summary.contains("**4 tasks** · success rate **50%**"))  // 2 completed of 4 finished (skipped is finished)
        #expect(summary.contains("### 1 failed task\n\n| Task | Group | Status | Error |\n|---|---|---|---|\n| a\\|b \\*x\\* \\<i\\> | g,1 | failed | line one |"),
                "every failed task by name, with the first line of its error")
        #expect(summary.contains("| New failure | Group | Status | Error |\n|---|---|---|---|\n| a\\|b \\*x\\* \\<i\\> | g,1 | failed | line one |"))
        #expect(summary.contains("| c | g,1 | 1s | 3s | +200% |"))
        #expect(summary.contains("1 new failure · 1 fixed"))
        #expect(!summary.contains("<i>"))
        let both = try String(contentsOfFile: appended, encoding: .utf8)
        #expect(both == "earlier\n" + summary + summary)
    }

    @Test("--baseline compares with another file's records instead of the previous run")
    func baseline() throws {
        let folder = try TemporaryFolder()
        let before = try folder.write("before.json", #"[{"id": "1", "name": "x", "status": "completed", "duration_ms": 10}]"#)
        let now = try folder.write("now.json", #"[{"id": "1", "name": "x", "status": "failed", "duration_ms": 10}]"#)
        let run = try CommandRun.taskreport(
            ["report", now, "--baseline", before, "--out", folder.path("out"), "--fail-on", "new-failures>0"])
        #expect(run.status == 1)
        #expect(run.standardError == "taskreport: gate new-failures>0 tripped: new-failures is 1\n")
        let stats = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.path("out/stats.json")))) as! [String: Any]
        #expect(stats["baseline"] as? String == before)
        let changes = try #require((stats["statistics"] as? [String: Any])?["changes"] as? [String: Any])
        #expect((changes["new_failures"] as? [[String: Any]])?.map { $0["name"] as? String } == ["x"])
        let html = try String(contentsOfFile: folder.path("out/index.html"), encoding: .utf8)
        #expect(html.contains("Since the baseline \(before)"))
    }

    @Test("--exports writes only the files named; an unknown one is a usage error")
    func exportSelection() throws {
        let folder = try TemporaryFolder()
        let input = try folder.write("records.jsonl", try jsonLines(twoNights()))
        #expect(try CommandRun.taskreport(["report", input, "--out", folder.path("out"), "--exports", "summary.md"]).status == 0)
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path("out")).sorted()
        #expect(written == ["charts", "index.html", "summary.md"])
        let bad = try CommandRun.taskreport(["report", input, "--out", folder.path("bad"), "--exports", "report.pdf"])
        #expect(bad.status == 2)
        #expect(bad.standardError.contains("unknown file 'report.pdf'"))
        #expect(!folder.exists("bad"))
    }
}
