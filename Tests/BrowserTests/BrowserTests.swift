import Foundation
import Support
import Testing
import TestSupport

/// The report opened in a real browser (headless Chromium) from `file://`,
/// with script on and off. Screenshots are kept in `.build/test-artifacts/browser/`.
@Suite("the report in a real browser", .serialized)
struct BrowserTests {
    /// A report of two nights (history, changes, a tripped gate) in a fresh folder.
    static func report(_ folder: TemporaryFolder, extra: [String] = []) throws -> URL {
        var lines: [String] = []
        for (run, day) in [("night-1", 23), ("night-2", 24)] {
            for i in 0..<40 {
                let status = i % 10 == 3 ? "failed" : (i == 7 && run == "night-2" ? "failed" : (i % 13 == 5 ? "skipped" : "completed"))
                let duration = Double(50 + (i * 37) % 900) * (run == "night-2" && i == 11 ? 4 : 1)
                lines.append(#"{"id":"\#(run)-\#(i)","run_id":"\#(run)","name":"task-\#(i)","group":"group-\#(i % 4)","status":"\#(status)","duration_ms":\#(duration),"started_at":"2026-11-\#(day)T01:\#(10 + i):00Z","error":"\#(status == "failed" ? "exit status 1" : "")"}"#)
            }
        }
        let input = try folder.write("records.jsonl", lines.joined(separator: "\n"))
        let run = try CommandRun.taskreport(["report", input, "--out", folder.path("report"), "--fail-on", "failed>0"] + extra)
        try #require(run.status == 1, "\(run.standardError)")
        return folder.url.appendingPathComponent("report/index.html")
    }

    static func screenshot(_ name: String) throws -> URL {
        try BuildArtifacts.folder("browser").appendingPathComponent(name + ".png")
    }

    /// Nothing went wrong in the page: no console output, no errors, no failed or outside requests.
    static func expectClean(_ visit: BrowserVisit, folder: URL) {
        #expect(visit.console.isEmpty, "console: \(visit.console)")
        #expect(visit.exceptions.isEmpty, "exceptions: \(visit.exceptions)")
        #expect(visit.logErrors.isEmpty, "errors: \(visit.logErrors)")
        #expect(visit.failedLoads.isEmpty, "failed loads: \(visit.failedLoads)")
        let inside = folder.standardizedFileURL.absoluteString
        for request in visit.requests {
            #expect(request.hasPrefix(inside) || request.hasPrefix("data:"), "\(request) is outside \(inside)")
        }
    }

    /// Each chart's box on the screenshot looks like the chart's own PNG: the
    /// mean colours of a coarse grid of cells agree (a missing or broken image does not).
    static func chartMismatches(_ visit: BrowserVisit, charts: URL) throws -> [String] {
        let shot = try #require(DecodedPNG(Array(try Data(contentsOf: URL(fileURLWithPath: visit.screenshot)))))
        var mismatches: [String] = []
        for box in visit.charts {
            let name = String(box.id.dropFirst("chart-".count))
            let chart = try #require(DecodedPNG(Array(try Data(contentsOf: charts.appendingPathComponent("\(name).png")))))
            let seen = shot.cellMeans(x: Int(box.x.rounded()), y: Int(box.y.rounded()), width: Int(box.width.rounded()),
                                      height: Int(box.height.rounded()), columns: 16, rows: 8)
            let drawn = chart.cellMeans(x: 0, y: 0, width: chart.width, height: chart.height, columns: 16, rows: 8)
            let differing = zip(seen, drawn).filter { a, b in zip(a, b).map { abs($0 - $1) }.max()! > 24 }.count
            if differing > seen.count / 10 { mismatches.append("\(name): \(differing) of \(seen.count) cells differ") }
        }
        return mismatches
    }

    @Test("a task's hostile output, opened, is text: no script runs, the Gantt chart of hostile names draws")
    func hostileOutput() throws {
        let folder = try TemporaryFolder()
        let input = Fixtures.folder.appendingPathComponent("hostile/xss-in-output.jsonl").path
        let run = try CommandRun.taskreport(["report", input, "--out", folder.path("report"), "--title", "Hostile"])
        try #require(run.status == 0, "\(run.standardError)")
        let page = folder.url.appendingPathComponent("report/index.html")
        let visit = try BrowserVisit.open(page, script: true, click: "#failure-1 details.output summary",
                                          screenshot: try Self.screenshot("hostile-output"))
        Self.expectClean(visit, folder: page.deletingLastPathComponent())
        let after = try #require(visit.domAfterClick)
        #expect(after.contains("<title>Hostile</title>") && after.components(separatedBy: "<script").count - 1 == 1)
        #expect(after.contains("<details class=\"output\" open=\"\">"))
        #expect(after.contains("&lt;/pre&gt;&lt;script&gt;alert(2)&lt;/script&gt;</pre>"), "the end of the output, as text")
        #expect(!after.contains("]0;") && !after.contains("[31m"), "the terminal sequences are gone, not shown as text")
        #expect(visit.charts.count == 5 && visit.charts.contains { $0.id == "chart-gantt" })
    }

    @Test("hostile names run no script: the page's title stays, its only script is its own")
    func hostilePage() throws {
        let folder = try TemporaryFolder()
        let hostile = Fixtures.folder.appendingPathComponent("hostile").path
        let inputs = ["xss-quote-combining-mark.jsonl", "xss-lt-combining-mark.jsonl", "xss-amp-combining-mark.jsonl",
                      "xss-apos-combining-mark.jsonl", "xss-script-tags.jsonl", "xss-in-attributes.jsonl",
                      "control-characters-all.jsonl"].map { hostile + "/" + $0 }
        let run = try CommandRun.taskreport(["report"] + inputs + ["--out", folder.path("report"), "--title", "Hostile"])
        try #require(run.status == 0, "\(run.standardError)")
        let page = folder.url.appendingPathComponent("report/index.html")
        let visit = try BrowserVisit.open(page, script: true, screenshot: try Self.screenshot("hostile"))
        Self.expectClean(visit, folder: page.deletingLastPathComponent())
        #expect(visit.dom.contains("<title>Hostile</title>") && !visit.dom.contains("PWNED</title>"))
        #expect(visit.dom.components(separatedBy: "<script").count - 1 == 1)
        #expect(visit.charts.count == 7, "every chart still drawn")
    }

    @Test("the hostile check sees a payload that does run: an unescaped onerror retitles the page")
    func hostileControl() throws {
        let folder = try TemporaryFolder()
        let page = URL(fileURLWithPath: try folder.write("index.html", """
            <!DOCTYPE html><html><head><title>Hostile</title></head>
            <body><img src="missing.png" alt="q" onerror="document.title='PWNED'"></body></html>
            """))
        let visit = try BrowserVisit.open(page, script: true, screenshot: try Self.screenshot("hostile-control"))
        #expect(visit.dom.contains("<title>PWNED</title>"))
    }

    @Test("opens from file:// with script on and off: charts drawn, numbers shown, nothing outside the folder, no errors",
          arguments: [true, false])
    func openReport(script: Bool) throws {
        let folder = try TemporaryFolder()
        let page = try Self.report(folder)
        let visit = try BrowserVisit.open(page, script: script, screenshot: try Self.screenshot("report-script-\(script ? "on" : "off")"))
        Self.expectClean(visit, folder: page.deletingLastPathComponent())

        // The summary numbers are those of stats.json.
        let stats = try JSONSerialization.jsonObject(with: Data(contentsOf: page.deletingLastPathComponent().appendingPathComponent("stats.json"))) as? [String: Any]
        let s = try #require(stats?["statistics"] as? [String: Any])
        let durations = try #require(s["durations"] as? [String: Any])
        for value in [HumanFormat.count(try #require(s["record_count"] as? Int)),
                      HumanFormat.percent(try #require(s["success_rate"] as? Double)),
                      HumanFormat.duration(milliseconds: try #require(durations["p95_ms"] as? Double)),
                      HumanFormat.count(try #require(s["failure_count"] as? Int))] {
            #expect(visit.dom.contains("<span class=\"value\">\(value)"), "\(value)")
        }
        #expect(visit.dom.contains("1 of 1 gate tripped"))
        #expect(visit.dom.contains("New failures (1)"))
        // Script turns sortable headers into buttons; without it the tables are all there as written.
        let buttons = visit.dom.components(separatedBy: "<button type=\"button\">").count - 1
        #expect(script ? buttons > 10 : buttons == 0)
        #expect(visit.dom.components(separatedBy: "<table").count - 1 >= 10)

        // The screenshot: a page, not a blank, with every chart where the layout put it.
        let shot = try #require(DecodedPNG(Array(try Data(contentsOf: URL(fileURLWithPath: visit.screenshot)))))
        #expect(shot.share(differingFrom: 0xFFFFFF) > 0.05)
        #expect(visit.charts.count == 8, "the Gantt chart and seven others")
        // Drawn 800 px wide with 11 px as the smallest text: shown no narrower, that text is at least 11 CSS px.
        for box in visit.charts { #expect(box.width >= 800, "\(box.id) is shown \(box.width) px wide") }
        #expect(try Self.chartMismatches(visit, charts: page.deletingLastPathComponent().appendingPathComponent("charts")) == [])
    }

    @Test("clicking a column header sorts the table by that column's numbers")
    func sortsOnClick() throws {
        let folder = try TemporaryFolder()
        let page = try Self.report(folder)
        let visit = try BrowserVisit.open(
            page, script: true, click: "#slowest-heading ~ div table thead th:nth-child(4) button",
            screenshot: try Self.screenshot("report-sorted"))
        Self.expectClean(visit, folder: page.deletingLastPathComponent())
        func durations(_ dom: String) -> [Double] {
            let table = dom.components(separatedBy: "id=\"slowest-heading\"")[1].components(separatedBy: "</table>")[0]
            return table.components(separatedBy: "data-sort=\"").dropFirst().compactMap { Double($0.prefix { $0 != "\"" }) }
        }
        let before = durations(visit.dom), after = durations(try #require(visit.domAfterClick))
        #expect(before.count == 10)
        #expect(before == before.sorted(by: >))  // as written: longest first
        #expect(after == before.sorted())        // clicked: ascending
    }

    @Test("a single-file page shows its inline charts and asks for nothing but itself")
    func singleFile() throws {
        let folder = try TemporaryFolder()
        let page = try Self.report(folder, extra: ["--single-file"])
        let visit = try BrowserVisit.open(page, script: true, screenshot: try Self.screenshot("report-single-file"))
        Self.expectClean(visit, folder: page.deletingLastPathComponent())
        #expect(visit.requests.filter { !$0.hasPrefix("data:") } == [page.absoluteString])
        // The same charts drawn separately, to compare against.
        let reference = try TemporaryFolder()
        let charts = try Self.report(reference).deletingLastPathComponent().appendingPathComponent("charts")
        #expect(try Self.chartMismatches(visit, charts: charts) == [])
    }

    @Test("the checks catch a broken page: a missing chart is seen on the screenshot and in the errors")
    func catchesMissingChart() throws {
        let folder = try TemporaryFolder()
        let page = try Self.report(folder)
        let charts = page.deletingLastPathComponent().appendingPathComponent("charts")
        let saved = folder.url.appendingPathComponent("saved")
        try FileManager.default.createDirectory(at: saved, withIntermediateDirectories: true)
        for ext in ["png", "svg"] {
            try FileManager.default.moveItem(at: charts.appendingPathComponent("status.\(ext)"), to: saved.appendingPathComponent("status.\(ext)"))
        }
        let visit = try BrowserVisit.open(page, script: false, screenshot: try Self.screenshot("report-missing-chart"))
        #expect(!visit.failedLoads.isEmpty)
        try FileManager.default.copyItem(at: saved.appendingPathComponent("status.png"), to: charts.appendingPathComponent("status.png"))
        let mismatches = try Self.chartMismatches(visit, charts: charts)
        #expect(mismatches.count == 1 && mismatches.first?.hasPrefix("status:") == true, "\(mismatches)")
    }
}
