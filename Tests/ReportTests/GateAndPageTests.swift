import Foundation
import Pipeline
import Testing
import TestSupport

@Suite("gates and the page's forms")
struct GateAndPageTests {
    @Test("a tripped gate exits 1 after writing the whole report, names itself, and shows on the page")
    func trippedGate() throws {
        let folder = try TemporaryFolder()
        let out = folder.path("out")
        let run = try CommandRun.taskreport(
            ["report", Fixtures.path("records.jsonl"), "--out", out, "--fail-on", "failed>0", "--fail-on", "p95>1h"])
        #expect(run.status == 1)
        let fixture = try FixtureRecords()
        let failed = fixture.count(status: "failed") + fixture.count(status: "timeout")
        #expect(run.standardError == "taskreport: gate failed>0 tripped: failed is \(failed)\n")
        for file in ["index.html", "stats.json", "summary.md", "junit.xml", "tasks.csv", "charts/status.svg"] {
            #expect(folder.exists("out/\(file)"), "\(file)")
        }
        let html = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(html.contains("1 of 2 gates tripped"))
        #expect(html.contains("✗ tripped</span> <code>failed&gt;0</code>"))
        #expect(html.contains("✓ passed</span> <code>p95&gt;1h</code>"))
        let stats = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/stats.json"))) as? [String: Any]
        let gates = try #require(stats?["gates"] as? [[String: Any]])
        #expect(gates.map { $0["tripped"] as? Bool } == [true, false])
        #expect(gates.first?["measured"] as? Double == Double(failed))
    }

    @Test("outcomes that are all unknown: success rate n/a on the card and in summary.md, a rate gate not evaluated")
    func unknownOutcomes() throws {
        let folder = try TemporaryFolder()
        let input = try folder.write("log.jsonl", (0..<5).map { #"{"id": "j\#($0)", "status": "UNKNOWN", "duration_ms": 10}"# }
            .joined(separator: "\n"))
        let run = try CommandRun.taskreport(["report", input, "--out", folder.path("out"), "--fail-on", "success-rate<50%"])
        #expect(run.status == 0, "not evaluated is not tripped")
        #expect(run.standardError
            == "taskreport: warning: gate success-rate<50% not evaluated: no task completed or failed, so there is no rate\n")
        let html = try String(contentsOfFile: folder.path("out/index.html"), encoding: .utf8)
        let card = try #require(html.components(separatedBy: "Success rate</span>").dropFirst().first?.components(separatedBy: "</li>").first)
        #expect(card.contains("n/a") && !card.contains("0%") && !card.contains("!"), "\(card)")
        #expect(html.contains("⚠️ not evaluated</span> <code>success-rate&lt;50%</code>"))
        let summary = try String(contentsOfFile: folder.path("out/summary.md"), encoding: .utf8)
        #expect(summary.contains("success rate **n/a**") && summary.contains("- ⚠️ success\\-rate\\<50% not evaluated"))
        let stats = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.path("out/stats.json"))))
        #expect(((stats as? [String: Any])?["statistics"] as? [String: Any])?["success_rate"] == nil, "null, or absent")
    }

    @Test("no gate trips: exit 0", arguments: ["failed>1000", "failure-rate>99%", "tasks<1"])
    func passingGate(expression: String) throws {
        let folder = try TemporaryFolder()
        let run = try CommandRun.taskreport(["report", Fixtures.path("records.jsonl"), "--out", folder.path("out"), "--fail-on", expression])
        #expect(run.status == 0, "\(run.standardError)")
    }

    @Test("a bad gate is a usage error: exit 2, one line, nothing written",
          arguments: ["failed", "failed>x", "speed>1", "failure-rate>5"])
    func badGate(expression: String) throws {
        let folder = try TemporaryFolder()
        let run = try CommandRun.taskreport(["report", Fixtures.path("records.jsonl"), "--out", folder.path("out"), "--fail-on", expression])
        #expect(run.status == 2)
        #expect(run.standardError.contains("--fail-on '\(expression)'"))
        #expect(!folder.exists("out"))
    }

    @Test("run --fail-on: the gates decide the exit code instead of the task outcomes")
    func runGates() throws {
        let folder = try TemporaryFolder()
        let tasks = try folder.write("tasks.json", #"{"tasks": [{"id": "ok", "shell": "true"}, {"id": "bad", "shell": "exit 1"}]}"#)
        func run(_ gate: String) throws -> Int32 {
            try CommandRun.taskreport(
                ["run", tasks, "--db", folder.path("s.sqlite"), "--out", folder.path("out"), "--fail-on", gate]).status
        }
        #expect(try run("failed>0") == 1)
        #expect(try run("failed>1") == 0)
    }

    @Test("--single-file: one page with the charts inside, SVG inline and PNG as data URIs")
    func singleFile() throws {
        let folder = try TemporaryFolder()
        let out = folder.path("out")
        try makeReport([Fixtures.path("records.jsonl")], out: out) { request in
            request.singleFile = true
            request.exports = []
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["index.html"])
        let html = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(!html.contains("<?xml"))
        #expect(!html.contains("charts/"))
        for name in ["gantt", "status", "duration", "groups", "timeline"] {
            #expect(html.contains("<desc id=\"\(name)-desc\">"), "\(name)")
        }
        let uris = html.components(separatedBy: "href=\"data:image/png;base64,").dropFirst()
        #expect(uris.count == 5, "the Gantt chart and four others")
        for uri in uris {
            let png = try #require(Data(base64Encoded: String(uri.prefix { $0 != "\"" })))
            #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        }
        // Ids stay unique across the inlined charts.
        let ids = html.components(separatedBy: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(Set(ids).count == ids.count)
    }

    @Test("a large input keeps the page light: aggregates and capped lists, index.html under 2 MB")
    func lightPage() throws {
        let folder = try TemporaryFolder()
        // Two runs of 15,000 tasks, each its own group, every one failing now: the worst case for every list.
        var lines: [String] = []
        for (run, status) in [("r1", "completed"), ("r2", "failed")] {
            for i in 0..<15_000 {
                lines.append(#"{"id":"\#(run)-\#(i)","run_id":"\#(run)","name":"task-\#(i)","group":"group-\#(i)","status":"\#(status)","duration_ms":\#(run == "r1" ? 1000 : 5000 + i),"error":"\#(String(repeating: "e", count: 300))"}"#)
            }
        }
        let input = try folder.write("big.jsonl", lines.joined(separator: "\n"))
        let out = folder.path("out")
        try makeReport([input], out: out) { $0.exports = [.statsJSON] }
        let size = try #require(try FileManager.default.attributesOfItem(atPath: out + "/index.html")[.size] as? Int)
        #expect(size < 2_000_000, "index.html is \(size) bytes")
        let html = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(html.contains("New failures (15000)"))
        #expect(html.contains("Showing the 100 largest of 15000 groups"))
        #expect(html.contains("Long lists are cut short"))
        let stats = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/stats.json"))) as? [String: Any]
        let changes = try #require((stats?["statistics"] as? [String: Any])?["changes"] as? [String: Any])
        #expect(changes["new_failure_count"] as? Int == 15_000)
        #expect(changes["regression_count"] as? Int == 15_000)
        #expect((changes["new_failures"] as? [Any])?.count == 100)
    }

    @Test("accessible: headings in order, every chart with a caption, a text alternative and its numbers as a table")
    func accessible() throws {
        let folder = try TemporaryFolder()
        let input = try folder.write("records.jsonl", try jsonLines(twoNights()))
        try makeReport([input], out: folder.path("out"))
        let html = try String(contentsOfFile: folder.path("out/index.html"), encoding: .utf8)
        let levels = html.components(separatedBy: "<h").dropFirst().compactMap { Int(String($0.prefix(1))) }
        #expect(levels.first == 1 && levels.filter { $0 == 1 }.count == 1)
        for (previous, next) in zip(levels, levels.dropFirst()) {
            #expect(next <= previous + 1, "h\(previous) is followed by h\(next)")
        }
        let figures = html.components(separatedBy: "<figure class=\"chart\"").dropFirst()
        #expect(figures.count == 8, "the Gantt chart and seven others")
        for figure in figures {
            let alt = figure.components(separatedBy: "alt=\"").dropFirst().first?.prefix { $0 != "\"" } ?? ""
            #expect(alt.count > 20, "alt text: \(alt)")
            #expect(figure.contains("<figcaption>"))
            #expect(figure.contains("<details class=\"numbers\">") && figure.contains("<th scope=\"row\">"))
        }
        // The status counts are in the status chart's table as text.
        #expect(html.contains("<tr><th scope=\"row\">completed</th><td class=\"num\">2</td></tr>"))
    }
}
