import Foundation
import Testing
import TestSupport

/// The shipped example run twice, as two `make run`s do, in a folder of its
/// own: what a nightly reader sees the next morning.
@Suite("the example nightly, run twice, read as its reader would", .serialized)
struct ExampleNightlyTests {
    static let examples = Fixtures.folder.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Examples")

    /// The example's folder after two runs, and each run's summary.md.
    static func twoNights() throws -> (folder: TemporaryFolder, summaries: [String]) {
        let folder = try TemporaryFolder()
        try FileManager.default.copyItem(at: examples, to: folder.url.appendingPathComponent("Examples"))
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("Output"), withIntermediateDirectories: true)
        var summaries: [String] = []
        for _ in 0..<2 {
            let run = try CommandRun.taskreport(
                ["run", "Examples/nightly.json", "--db", "Output/taskreport.sqlite", "--out", "Output"], in: folder.url)
            try #require(run.status <= 1, "\(run.standardError)")
            summaries.append(try String(contentsOfFile: folder.path("Output/summary.md"), encoding: .utf8))
        }
        return (folder, summaries)
    }

    /// The ids of the example's tasks.
    static func taskIDs() throws -> [String] {
        let file = try JSONSerialization.jsonObject(with: Data(contentsOf: examples.appendingPathComponent("nightly.json"))) as? [String: Any]
        return try #require(file?["tasks"] as? [[String: Any]]).compactMap { $0["id"] as? String }
    }

    /// The part of `html` from the element with `id` to the end of its section.
    static func section(_ html: String, id: String) throws -> String {
        let start = try #require(html.range(of: "id=\"\(id)\""), "no element \(id)")
        let rest = html[start.upperBound...]
        return String(rest[..<(rest.range(of: "</section>")?.lowerBound ?? rest.endIndex)])
    }

    @Test("every task is named, failures show their own output above the charts, the Gantt chart outlines the dependency chain, summary.md names lint")
    func page() throws {
        let (folder, summaries) = try Self.twoNights()
        for (night, summary) in summaries.enumerated() {
            #expect(summary.contains("| lint | test | failed | exit status 1: Sources/App/main.swift:12: trailing whitespace |"),
                    "night \(night + 1): \(summary)")
            #expect(summary.utf8.count < 64 * 1024)
        }
        #expect(summaries[1].contains("1 new failure ·"), "cache-check fails on the second night only")

        let html = try String(contentsOfFile: folder.path("Output/index.html"), encoding: .utf8)
        let everyTask = try Self.section(html, id: "tasks-heading")
        for id in try Self.taskIDs() {
            #expect(everyTask.contains(">\(id)<"), "\(id) is named in the table of every task")
        }
        let failures = try Self.section(html, id: "failures-heading")
        for written in ["Sources/App/main.swift:12: trailing whitespace", "cache checksum mismatch", "starting the integration suite"] {
            #expect(failures.contains(written), "a failure shows its own output: \(written)")
        }
        let charts = try #require(html.range(of: "id=\"charts-heading\""))
        let output = try #require(html.range(of: "trailing whitespace"))
        #expect(output.lowerBound < charts.lowerBound, "the failures' output comes before the charts")
        #expect(failures.components(separatedBy: "<details class=\"output\">").count - 1 == 3, "three failures, each output closed")
        #expect(!failures.contains("<details class=\"output\" open"))

        // The Gantt chart's numbers mark the critical path: checkout → compile → integration-tests.
        let gantt = try Self.section(html, id: "chart-gantt")
        let onPath = gantt.components(separatedBy: "<tr><th scope=\"row\">").dropFirst()
            .filter { $0.components(separatedBy: "</tr>")[0].hasSuffix("<td class=\"num\">yes</td>") }
            .map { String($0.prefix { $0 != "<" }) }
        #expect(onPath == ["checkout", "compile", "integration-tests"])
        #expect(gantt.contains("Critical path: checkout → compile → integration-tests"), "in the text alternative too")
        #expect(FileManager.default.fileExists(atPath: folder.path("Output/charts/gantt.png")))
        #expect(FileManager.default.fileExists(atPath: folder.path("Output/charts/gantt.svg")))
        #expect(html.contains("needed 2 attempts"), "fetch-rates' retry said plainly")
    }

    @Test("in a browser: a failure's output opens on a click, and the grid shows each task across both runs")
    func browser() throws {
        let (folder, _) = try Self.twoNights()
        let page = folder.url.appendingPathComponent("Output/index.html")
        let html = try String(contentsOf: page, encoding: .utf8)
        // The entry of lint, whichever place it finished in.
        let anchor = try #require(html.components(separatedBy: "<li class=\"failure\" id=\"").dropFirst()
            .first { $0.contains("<h3>lint ") }?.prefix { $0 != "\"" })
        let visit = try BrowserVisit.open(page, script: true, click: "#\(anchor) details.output summary",
                                          screenshot: try BrowserTests.screenshot("example-nightly"))
        BrowserTests.expectClean(visit, folder: page.deletingLastPathComponent())
        let after = try #require(visit.domAfterClick)
        let entry = try #require(after.components(separatedBy: "id=\"\(anchor)\"").dropFirst().first?
            .components(separatedBy: "<li class=\"failure\"").first?.components(separatedBy: "</ol>").first)
        #expect(entry.contains("<details class=\"output\" open=\"\">"), "the click opened lint's output")
        #expect(entry.contains("<pre class=\"log\">Sources/App/main.swift:12: trailing whitespace</pre>"))

        let grid = try Self.section(visit.dom, id: "grid-heading")
        #expect(grid.components(separatedBy: "<th scope=\"col\" class=\"run").count - 1 == 2, "a column per run")
        let rows = grid.components(separatedBy: "<tr><th scope=\"row\">").dropFirst()
        #expect(rows.count == 16, "a row per task")
        let lint = try #require(rows.first { $0.hasPrefix("lint <span class=\"meta\">test</span><") }, "lint, in group test")
        #expect(lint.components(separatedBy: "<span aria-hidden=\"true\">✗</span>").count - 1 == 2, "lint failed both nights")
        #expect(lint.contains(": failed · "), "each cell says its status and duration in words")
        let cache = try #require(rows.first { $0.hasPrefix("cache-check ") })
        #expect(cache.contains("✓</span>") && cache.contains("✗</span>"), "cache-check passed, then failed")
    }
}
