import Foundation
import Pipeline
import Testing
import TestSupport

/// Snapshots of what people read: each command's `--help` and a small report's page.
///
/// A change to them shows as a diff of `Tests/Fixtures/golden/` in review. After a
/// deliberate change, `TASKREPORT_UPDATE_GOLDEN=1 swift test --filter GoldenTests`
/// rewrites the snapshots; a mismatch otherwise fails, and the new text is kept in
/// `.build/test-artifacts/golden/` for comparison.
enum Golden {
    static let folder = Fixtures.folder.appendingPathComponent("golden")

    /// Compares `text` with the snapshot `name`, or rewrites it when asked to.
    static func check(_ text: String, against name: String) throws {
        let path = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["TASKREPORT_UPDATE_GOLDEN"] == "1" {
            try text.write(to: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: path, encoding: .utf8)
        if text != expected {
            let kept = try BuildArtifacts.folder("golden").appendingPathComponent(name)
            try text.write(to: kept, atomically: true, encoding: .utf8)
            Issue.record("\(name) differs from its snapshot; see `diff \(path.path) \(kept.path)`")
        }
    }
}

@Suite("what people read, as snapshots")
struct GoldenTests {
    @Test("each command's --help", arguments: ["", "run", "report", "stats", "chart"])
    func help(command: String) throws {
        let run = try CommandRun.taskreport((command.isEmpty ? [] : [command]) + ["--help"])
        #expect(run.status == 0)
        try Golden.check(run.standardOutput, against: "help\(command.isEmpty ? "" : "-" + command).txt")
    }

    @Test("a small report's index.html, made in process, generation time and paths normalised")
    func page() throws {
        let folder = try TemporaryFolder()
        var request = ReportRequest(inputs: [Fixtures.path("records.jsonl")], folder: folder.path("out"))
        request.title = "Golden"
        request.exports = []
        let outcome = try ReportJob(request, toolVersion: "GOLDEN").run()
        let page = try String(contentsOfFile: outcome.page, encoding: .utf8)
            .replacingOccurrences(of: Fixtures.folder.path, with: "FIXTURES")
            .replacingOccurrences(of: outcome.document.generatedAtText, with: "GENERATED")
        try Golden.check(page, against: "index.html")
    }
}
