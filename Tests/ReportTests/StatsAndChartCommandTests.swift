import Foundation
import Testing
import TestSupport

@Suite("taskreport stats and taskreport chart")
struct StatsAndChartCommandTests {
    @Test("stats --format json has the stats.json layout; the table lists every status")
    func stats() throws {
        let json = try CommandRun.taskreport(["stats", Fixtures.path("records.jsonl"), "--format", "json"])
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as! [String: Any]
        #expect(object["schema"] as? Int == 2)
        #expect((object["statistics"] as? [String: Any])?["record_count"] as? Int == 60)

        let table = try CommandRun.taskreport(["stats", Fixtures.path("records.jsonl")])
        #expect(table.status == 0)
        let fixture = try FixtureRecords()
        for status in Set(fixture.records.compactMap { $0["status"] as? String }) {
            #expect(table.standardOutput.contains("\n\(status) "), "\(status) in the table")
        }
    }

    @Test("chart writes the requested files; without any it is a usage error")
    func chart() throws {
        let folder = try TemporaryFolder()
        let run = try CommandRun.taskreport([
            "chart", Fixtures.path("records.jsonl"), "--kind", "duration", "--png", folder.path("d.png"), "--svg", folder.path("d.svg"),
        ])
        #expect(run.status == 0, "\(run.standardError)")
        let png = try Data(contentsOf: URL(fileURLWithPath: folder.path("d.png")))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(try String(contentsOfFile: folder.path("d.svg"), encoding: .utf8).contains("<svg"))
        let none = try CommandRun.taskreport(["chart", Fixtures.path("records.jsonl"), "--kind", "status"])
        #expect(none.status == 2)
        let badKind = try CommandRun.taskreport(["chart", Fixtures.path("records.jsonl"), "--kind", "pie", "--png", "x.png"])
        #expect(badKind.status == 2)
    }
}
