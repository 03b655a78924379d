import Foundation
import Testing
import TestSupport
import Stats
import TaskModel

@testable import Report

/// The page a nightly reader opens: what failed and why, then every task.
@Suite("the nightly reader's page")
struct NightlyPageTests {
    /// `index.html` and `summary.md` of a report of `records`.
    static func report(_ records: [[String: Any]]) throws -> (html: String, summary: String) {
        let folder = try TemporaryFolder()
        let input = try folder.write("records.jsonl", try jsonLines(records))
        try makeReport([input], out: folder.path("out"))
        return (try String(contentsOfFile: folder.path("out/index.html"), encoding: .utf8),
                try String(contentsOfFile: folder.path("out/summary.md"), encoding: .utf8))
    }

    /// The text between `start` and the next `end` after it.
    static func between(_ text: String, _ start: String, _ end: String) throws -> String {
        let from = try #require(text.range(of: start), "no \(start)")
        let rest = text[from.upperBound...]
        return String(rest[..<(rest.range(of: end)?.lowerBound ?? rest.endIndex)])
    }

    @Test("a failure shows its own output from the record's output field: the end of it, colours stripped, escaped, closed")
    func outputField() throws {
        let early = String(repeating: "early line\n", count: 600)  // 6.6 KB that the tail leaves out
        let output = early + "\u{1B}[31mFAIL\u{1B}[0m <script>alert(1)</script> expected 3, got 4\n"
        let (html, _) = try Self.report([
            ["id": "job-7", "name": "unit tests", "group": "ci", "status": "failed", "exit_code": 3, "attempts": 2,
             "error": "assertion failed", "output": output],
            ["id": "ok", "status": "completed"],
        ])
        let entry = try Self.between(html, "<li class=\"failure\" id=\"failure-1\">", "</ol>")
        #expect(entry.contains("<h3>unit tests <code class=\"id\">job-7</code>"), "name, and the id as it differs")
        #expect(entry.contains("<li>group ci</li><li>exit 3</li><li>2 attempts</li>"))
        #expect(entry.contains("<pre class=\"error\">assertion failed</pre>"))
        #expect(entry.contains("Last line written: <code>FAIL &lt;script&gt;alert(1)&lt;/script&gt; expected 3, got 4</code>"))
        #expect(entry.contains("<details class=\"output\">"), "closed until the reader opens it")
        let log = try Self.between(entry, "<pre class=\"log\">", "</pre>")
        #expect(log.hasSuffix("FAIL &lt;script&gt;alert(1)&lt;/script&gt; expected 3, got 4"))
        #expect(!log.contains("\u{1B}") && !log.contains("\\x1b") && !log.contains("[31m"), "colour codes are gone")
        #expect(log.hasPrefix("early line\n") && log.utf8.count <= 4096 + 64, "the last 4 KiB, from a line start")
        #expect(entry.contains("Standard output, the last 4 KiB of 6.5 KiB"), "\(entry)")
    }

    @Test("more than 20 failures: a breakdown by group and by name comes first, largest first; 100 are listed one by one")
    func manyFailures() throws {
        var records: [[String: Any]] = []
        for i in 0..<150 {
            records.append(["id": "f\(i)", "name": i % 3 == 0 ? "flaky-download" : "check-\(i % 7)",
                            "group": i < 90 ? "nightly" : "weekly", "status": "failed", "error": "boom \(i)"])
        }
        for i in 0..<1_200 { records.append(["id": "c\(i)", "status": "completed", "group": "nightly"]) }
        let (html, summary) = try Self.report(records)
        let byGroup = try Self.between(html, "<caption>Failures by group</caption>", "</table>")
        // Largest first, whatever the white space between the rows.
        let nightly = byGroup.range(of: "<tr><td>nightly</td><td class=\"num\">90</td></tr>")
        let weekly = byGroup.range(of: "<tr><td>weekly</td><td class=\"num\">60</td></tr>")
        #expect(nightly != nil && weekly != nil && nightly!.upperBound <= weekly!.lowerBound)
        let byName = try Self.between(html, "<caption>Failures by task name</caption>", "</table>")
        let names = byName.components(separatedBy: "<tr><td>").dropFirst().map { String($0.prefix { $0 != "<" }) }
        #expect(names.first == "flaky-download" && byName.contains("<tr><td>flaky-download</td><td class=\"num\">50</td></tr>"))
        #expect(names.count == 8, "flaky-download and the seven checks")
        #expect(html.components(separatedBy: "<li class=\"failure\"").count - 1 == 100)
        #expect(html.contains("Showing the first 100 of 150 failures; tasks.csv has them all."))

        // Every task: 1,000 rows, the 150 failures first; each of the first 100 links to its entry.
        let tasks = try Self.between(html, "id=\"tasks-heading\"", "</table>")
        let rows = tasks.components(separatedBy: "<tr><td data-sort=").dropFirst()
        #expect(rows.count == 1000)
        #expect(rows.prefix(150).allSatisfy { $0.contains(">failed</span>") } && rows.dropFirst(150).allSatisfy { $0.contains(">completed</span>") })
        #expect(rows.first?.contains("<a href=\"#failure-1\">flaky-download</a>") == true)
        #expect(rows.dropFirst(99).first?.contains("<a href=\"#failure-100\">") == true && rows.dropFirst(100).first?.contains("<a href") == false)
        #expect(html.contains("Showing the first 1000 of 1350 tasks, the most severe first; tasks.csv has them all."))

        #expect(summary.contains("### 150 failed tasks"))
        #expect(summary.components(separatedBy: "| boom ").count - 1 == 20 && summary.contains("…and 130 more; see the report."))
    }

    @Test("20 failures or fewer: no breakdown; one failure is said in the singular")
    func fewFailures() throws {
        let (html, summary) = try Self.report([["id": "a", "status": "failed", "error": "first line\nsecond line"], ["id": "b", "status": "completed"]])
        #expect(!html.contains("Failures by group"))
        #expect(html.contains("<h2 id=\"failures-heading\">Failures (1)</h2>"))
        #expect(summary.contains("**2 tasks**") && summary.contains("### 1 failed task\n"))
        #expect(summary.contains("| a |  | failed | first line |"), "the first line of the error only")
    }

    @Test("summary.md stays under 64 KiB whatever the names and errors; the page under 2 MB whatever the output")
    func bounded() throws {
        let hostile = String(repeating: "<|*\u{301}", count: 400)
        var records: [[String: Any]] = []
        for i in 0..<400 {
            records.append(["id": "\(hostile)\(i)", "name": "\(hostile)\(i)", "group": hostile, "status": "failed",
                            "error": hostile, "output": String(repeating: "<&\"", count: 6_000)])
        }
        for i in 0..<300 { records.append(["id": "s\(i)", "status": "status-\(i)-\(hostile)"]) }
        let (html, summary) = try Self.report(records)
        #expect(summary.utf8.count < 64 * 1024, "summary.md is \(summary.utf8.count) bytes")
        #expect(summary.contains("…and 380 more; see the report.") || summary.contains("the summary stops here"))
        #expect(html.utf8.count < 2_000_000, "index.html is \(html.utf8.count) bytes")
        #expect(html.contains("Its output is left out to keep the page small"), "the output budget is spent, and the page says so")
    }
}

/// Failures as the store describes them: each attempt, the last first, with its HTTP status.
@Suite("a failure's attempts on the page")
struct FailureAttemptTests {
    @Test("an HTTP check's status is its code; every attempt's output shows, the last first and marked")
    func attempts() throws {
        var b = TableBuilder()
        b.add(status: "failed", group: "services", exitCode: nil, error: "expected 200, got 503", run: "r", attempts: 2, id: "health")
        let table = b.table
        let key = TaskAttempt.key(run: "r", id: "health")
        let document = ReportDocument(
            title: "t", inputs: [], records: table, statistics: TaskStatistics(table: table),
            attempts: [key: [
                TaskAttempt(number: 2, status: "failed", httpStatus: 503, error: "expected 200, got 503", stdout: "", stderr: "second"),
                TaskAttempt(number: 1, status: "failed", exitCode: 7, stdout: "first out", stderr: ""),
            ]],
            toolVersion: "test")
        let entry = try #require(ReportPage(document).failures.first)
        #expect(entry.code.markup == "HTTP 503" && entry.attempts.markup == "2 attempts")
        #expect(entry.outputs.map(\.heading.markup) == ["Attempt 2 of 2 · failed · HTTP 503", "Attempt 1 of 2 · failed · exit 7"])
        #expect(entry.outputs.map(\.isLastOfSeveral) == [true, false])
        #expect(entry.outputs[0].stderr.markup == "second" && !entry.outputs[0].hasStdout)
        #expect(entry.outputs[1].stdout.markup == "first out" && !entry.outputs[1].hasStderr)
        #expect(entry.lastLine.markup == "second")
        #expect(entry.id.isNull, "a task without a name is named by its id, once")
    }
}
