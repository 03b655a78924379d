import Foundation
import Testing
import TestSupport

/// The hostile corpus (`Tests/Fixtures/hostile/`, made by its `make_hostile.py`) and what each case must give.
enum HostileCorpus {
    static let folder = Fixtures.folder.appendingPathComponent("hostile").path

    /// "ok", or a fragment of the one line the case must fail with.
    static let expectations: [String: String] = {
        let data = FileManager.default.contents(atPath: folder + "/expectations.json") ?? Data()
        return (try? JSONSerialization.jsonObject(with: data) as? [String: String]) ?? [:]
    }()

    static var inputs: [String] {
        expectations.keys.filter { !$0.hasPrefix("templates/") && !$0.hasPrefix("taskfiles/") }.sorted()
    }
    static var templates: [String] { expectations.keys.filter { $0.hasPrefix("templates/") }.sorted() }

    /// A report folder to write over, made once; each case gets a copy.
    static let previousReport: String = {
        let path = try! BuildArtifacts.folder("hostile").appendingPathComponent("previous").path
        if !FileManager.default.fileExists(atPath: path + "/index.html") {
            _ = try! CommandRun.taskreport(["report", Fixtures.path("records.jsonl"), "--out", path])
        }
        return path
    }()

    /// A copy of ``previousReport`` in `folder`, and its contents.
    static func previousReport(in folder: TemporaryFolder) throws -> (path: String, contents: [String: Data]) {
        let path = folder.path("out")
        try FileManager.default.copyItem(atPath: previousReport, toPath: path)
        return (path, snapshot(path))
    }

    /// Whether `text` carries a control character a terminal would act on: C0 but line feed, DEL, or C1.
    static func hasRawControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
    }
}

@Suite("the hostile corpus: no injection, no crash, no blow-up, no data loss")
struct HostileCorpusTests {
    @Test("the corpus is there, with an expectation for every input")
    func corpus() {
        #expect(HostileCorpus.inputs.count >= 70 && HostileCorpus.templates.count >= 8)
        for name in HostileCorpus.inputs {
            #expect(FileManager.default.fileExists(atPath: HostileCorpus.folder + "/" + name), "\(name)")
        }
    }

    @Test("report and stats: exit 0, or exit 2 with one line naming the place; no signal; nothing of the old report lost",
          arguments: HostileCorpus.inputs)
    func input(name: String) throws {
        let expected = try #require(HostileCorpus.expectations[name])
        let input = HostileCorpus.folder + "/" + name
        let folder = try TemporaryFolder()
        let (out, before) = try HostileCorpus.previousReport(in: folder)

        let report = try CommandRun.taskreport(["report", input, "--out", out])
        let stats = try CommandRun.taskreport(["stats", input])
        for run in [report, stats] {
            #expect(run.status < 128, "ended by a signal: \(run.standardError.prefix(300))")
            #expect(!HostileCorpus.hasRawControl(run.standardError) && !HostileCorpus.hasRawControl(run.standardOutput))
        }
        if expected == "ok" {
            #expect(report.status == 0 && report.standardError.isEmpty, "\(report.standardError.prefix(300))")
            #expect(stats.status == 0, "\(stats.standardError.prefix(300))")
            let check = try CommandRun.tool("python3", [Fixtures.folder.deletingLastPathComponent().path + "/Tools/markup_check.py", out])
            #expect(check.standardOutput == "[]\n", "\(check.standardOutput)\(check.standardError)")
        } else {
            for run in [report, stats] {
                #expect(run.status == 2)
                let lines = run.standardError.split(separator: "\n", omittingEmptySubsequences: false)
                #expect(lines.count == 2 && lines[1].isEmpty, "one line: \(run.standardError.prefix(300))")
                #expect(run.standardError.hasPrefix("taskreport: \(input)") && run.standardError.contains(expected),
                        "\(run.standardError.prefix(300))")
            }
            #expect(snapshot(out) == before, "the old report is left as it was")
        }
        #expect(stagingFolders(beside: out).isEmpty)
    }

    @Test("templates that recurse, nest too deep, miss a partial or loop without end: exit 2 with one line, nothing written",
          arguments: HostileCorpus.templates)
    func templates(name: String) throws {
        let expected = try #require(HostileCorpus.expectations[name])
        let folder = try TemporaryFolder()
        let (out, before) = try HostileCorpus.previousReport(in: folder)
        let run = try CommandRun.taskreport([
            "report", Fixtures.path("records.jsonl"), "--out", out, "--templates", HostileCorpus.folder + "/" + name,
        ])
        #expect(run.status == 2, "\(run.standardError)")
        #expect(run.standardError.split(separator: "\n").count == 1 && run.standardError.contains(expected), "\(run.standardError)")
        #expect(snapshot(out) == before)
    }
}
