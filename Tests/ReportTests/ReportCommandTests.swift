import Foundation
import Pipeline
import Testing
import TestSupport

/// The fixture's records parsed with Foundation: an independent view to check the report against.
struct FixtureRecords {
    let records: [[String: Any]]

    init(_ name: String = "records.jsonl") throws {
        let text = String(decoding: try Fixtures.data(name), as: UTF8.self)
        records = try text.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    func count(status: String) -> Int { records.filter { $0["status"] as? String == status }.count }

    /// The q-quantile of the durations by sorting and linear interpolation (numpy's default).
    func durationQuantile(_ q: Double) -> Double {
        let sorted = records.compactMap { $0["duration_ms"] as? Double }.sorted()
        let h = q * Double(sorted.count - 1)
        let lo = Int(h.rounded(.down))
        return sorted[lo] + (sorted[min(lo + 1, sorted.count - 1)] - sorted[lo]) * (h - Double(lo))
    }
}

/// A report made in process by the pipeline, as `taskreport report` makes it.
@discardableResult
func makeReport(
    _ inputs: [String], out: String, configure: (inout ReportRequest) -> Void = { _ in }
) throws -> ReportOutcome {
    var request = ReportRequest(inputs: inputs, folder: out)
    configure(&request)
    return try ReportJob(request, toolVersion: "test").run()
}

@Suite("taskreport report, end to end")
struct ReportCommandTests {
    @Test("writes index.html, stats.json and every chart, and prints the page's path")
    func fullReport() throws {
        let folder = try TemporaryFolder()
        let out = folder.path("Output")
        let run = try CommandRun.taskreport(["report", Fixtures.path("records.jsonl"), "--out", out, "--title", "Nightly"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput == out + "/index.html\n")
        for kind in ["status", "duration", "groups", "timeline"] {
            for ext in ["png", "svg"] {
                #expect(FileManager.default.fileExists(atPath: "\(out)/charts/\(kind).\(ext)"), "\(kind).\(ext)")
            }
        }
        let html = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(html.contains("<title>Nightly</title>"))
        #expect(html.contains("charts/status.svg") && html.contains("charts/status.png"))
    }

    @Test("stats.json agrees with an independent reading of the records")
    func statsJSON() throws {
        let folder = try TemporaryFolder()
        let out = folder.path("Output")
        #expect(try CommandRun.taskreport(["report", Fixtures.path("records.jsonl"), "--out", out]).status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/stats.json"))) as! [String: Any]
        let fixture = try FixtureRecords()
        #expect(json["schema"] as? Int == 2)
        #expect((json["inputs"] as? [String])?.first == Fixtures.path("records.jsonl"))
        let stats = json["statistics"] as! [String: Any]
        #expect(stats["record_count"] as? Int == fixture.records.count)
        let statuses = stats["statuses"] as! [[String: Any]]
        for status in statuses {
            let label = status["label"] as! String
            #expect(status["count"] as? Int == fixture.count(status: label), "\(label)")
        }
        #expect(statuses.map { $0["count"] as! Int }.reduce(0, +) == fixture.records.count)
        // Per group, counts are keyed by label and hold only labels the group has (schema 2).
        for group in stats["groups"] as! [[String: Any]] {
            let name = group["name"] as! String
            var expected: [String: Int] = [:]
            for record in fixture.records where (record["group"] as? String ?? "(no group)") == name {
                expected[record["status"] as! String, default: 0] += 1
            }
            #expect(group["counts"] as? [String: Int] == expected, "\(name)")
        }
        let durations = stats["durations"] as! [String: Any]
        for (key, q) in [("p50_ms", 0.5), ("p90_ms", 0.9), ("p95_ms", 0.95), ("p99_ms", 0.99)] {
            let value = try #require(durations[key] as? Double)
            #expect(abs(value - fixture.durationQuantile(q)) <= 1e-9 * value, "\(key)")
        }
    }

    @Test("a task named <script>alert(1)</script> is escaped in HTML and SVG; the page's only script is its own")
    func escaping() throws {
        let folder = try TemporaryFolder()
        let out = folder.path("Output")
        try makeReport([Fixtures.path("records.jsonl")], out: out)
        let html = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(2)&gt;"))
        let scripts = html.lowercased().components(separatedBy: "<script").dropFirst()
        #expect(scripts.count == 1)
        #expect(scripts.first?.hasPrefix(">\n// sortable tables") == true)
        #expect(!html.contains("<img src=x"))
        let svg = try String(contentsOfFile: out + "/charts/groups.svg", encoding: .utf8)
        #expect(!svg.contains("<script"))
        let statusSVG = try String(contentsOfFile: out + "/charts/status.svg", encoding: .utf8)
        #expect(statusSVG.contains("<desc id=\"status-desc\">"))
    }

    @Test("the folder is self-contained: every link and source is relative")
    func selfContained() throws {
        let folder = try TemporaryFolder()
        let out = folder.path("Output")
        try makeReport([Fixtures.path("records.jsonl")], out: out)
        let html = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        var references: [String] = []
        for attribute in ["src=\"", "href=\"", "srcset=\""] {
            for piece in html.components(separatedBy: attribute).dropFirst() {
                references.append(String(piece.prefix { $0 != "\"" }))
            }
        }
        #expect(!references.isEmpty)
        for reference in references {
            if reference.hasPrefix("#") {
                #expect(html.contains("id=\"\(reference.dropFirst())\""), "\(reference) must name an element of the page")
                continue
            }
            #expect(!reference.contains(":") && !reference.hasPrefix("/"), "\(reference) must be a relative path")
            #expect(FileManager.default.fileExists(atPath: out + "/" + reference), "\(reference) must exist")
        }
    }

    @Test("two reports of the same input have byte-identical SVG charts (they are drawn concurrently)")
    func deterministicCharts() throws {
        let folder = try TemporaryFolder()
        for out in ["One", "Two"] {
            try makeReport([Fixtures.path("records.jsonl")], out: folder.path(out))
        }
        for kind in ["status", "duration", "groups", "timeline"] {
            let one = try Data(contentsOf: folder.url.appendingPathComponent("One/charts/\(kind).svg"))
            let two = try Data(contentsOf: folder.url.appendingPathComponent("Two/charts/\(kind).svg"))
            #expect(one == two, "\(kind).svg differs between runs")
        }
    }

    @Test("records on standard input")
    func standardInput() throws {
        let folder = try TemporaryFolder()
        let run = try CommandRun.taskreport(["report", "-", "--out", folder.path("Output")],
                                            input: try Fixtures.data("records.jsonl"))
        #expect(run.status == 0, "\(run.standardError)")
        let json = try String(contentsOfFile: folder.path("Output/stats.json"), encoding: .utf8)
        #expect(json.contains("\"record_count\" : 60"))
    }

    @Test("an empty input gives a valid report that says there are no records")
    func emptyInput() throws {
        let folder = try TemporaryFolder()
        let input = try folder.write("empty.jsonl", "")
        try makeReport([input], out: folder.path("Output"))
        let html = try String(contentsOfFile: folder.path("Output/index.html"), encoding: .utf8)
        #expect(html.contains("No records"))
    }

    @Test("other files in the output folder are kept and the old report is replaced")
    func existingFolder() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path("Output/charts"), withIntermediateDirectories: true)
        try folder.write("Output/taskreport.sqlite", "the store")
        try folder.write("Output/index.html", "old page")
        try folder.write("Output/charts/history.png", "old chart")
        try makeReport([Fixtures.path("records.jsonl")], out: folder.path("Output"))
        #expect(try String(contentsOfFile: folder.path("Output/taskreport.sqlite"), encoding: .utf8) == "the store")
        #expect(try String(contentsOfFile: folder.path("Output/index.html"), encoding: .utf8) != "old page")
        #expect(!folder.exists("Output/charts/history.png"), "a chart of the old report that the new one does not draw goes")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "no staging folder is left: \(leftovers)")
    }

    @Test("--templates replaces built-in templates by name; values arrive escaped, for {{{…}}}")
    func customTemplates() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path("tpl"), withIntermediateDirectories: true)
        try folder.write(
            "tpl/index.mustache", "<h1>{{{title}}}</h1>{{#statuses}}<p>{{{label}}}={{{count}}}</p>{{/statuses}}<i>{{title}}</i>")
        try makeReport([Fixtures.path("records.jsonl")], out: folder.path("Output")) { request in
            request.templates = folder.path("tpl")
            request.title = "A & B"
        }
        let html = try String(contentsOfFile: folder.path("Output/index.html"), encoding: .utf8)
        #expect(html.hasPrefix("<h1>A &amp; B</h1>"))
        #expect(html.contains("<p>timeout="))
        // Double braces escape the escaped text again: shown as entities, never as markup.
        #expect(html.hasSuffix("<i>A &amp;amp; B</i>"))
    }
}
