import Foundation
import Pipeline
import Report
import Stats
import Testing
import TestSupport

/// `history.jsonl`, what a report hands the next one, and `--history`, which takes it.
@Suite("history.jsonl and --history")
struct HistoryExportTests {
    /// Names a JSON writer gets wrong: quotes and backslashes, line breaks, a quote with a combining
    /// mark (one `Character`), CSI as a C1 control, U+2028, and text that is not ASCII at all.
    static let hostileNames = ["say \"hi\" \\ bye", "two\nlines\ttab", "\"\u{301}quoted", "csi\u{9B}31m", "para\u{2028}graph", "日本語 ✓"]

    @Test("each line is a record Python reads back: the latest runs, oldest first, each task once, names exact")
    func pythonReadsItBack() throws {
        let folder = try TemporaryFolder()
        var records: [[String: Any]] = []
        for (night, start) in ["2026-11-23T01:00:00Z", "2026-11-24T01:00:00Z"].enumerated() {
            for (i, name) in Self.hostileNames.enumerated() {
                records.append(["id": "t\(i)", "run_id": "r\(night + 1)", "name": name, "group": "g\u{1B}[2J", "status": i == 0 ? "failed" : "passed",
                                "duration_ms": 100 * (i + 1), "started_at": start, "attempts": i == 1 && night == 1 ? 3 : 1])
            }
        }
        // A task with two records in a run is one line: failed if either failed, its duration their p95.
        records.append(["id": "t0-again", "run_id": "r2", "name": Self.hostileNames[0], "group": "g\u{1B}[2J", "status": "passed",
                        "duration_ms": 300, "started_at": "2026-11-24T00:59:00Z"])
        let input = try folder.write("records.jsonl", try jsonLines(records))
        try makeReport([input], out: folder.path("out"))

        let parsed = try CommandRun.tool("python3", ["-c", """
            import json, sys
            print(json.dumps([json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]))
            """, folder.path("out/history.jsonl")])
        #expect(parsed.status == 0, "\(parsed.standardError)")
        let lines = try #require(try JSONSerialization.jsonObject(with: Data(parsed.standardOutput.utf8)) as? [[String: Any]])
        #expect(lines.count == 2 * Self.hostileNames.count)
        #expect(lines.map { $0["run_id"] as? String } == Array(repeating: "r1", count: 6) + Array(repeating: "r2", count: 6))
        #expect(lines.prefix(6).map { $0["name"] as? String } == Self.hostileNames)
        #expect(lines.allSatisfy { $0["group"] as? String == "g\u{1B}[2J" })
        let first = lines[6]
        #expect(first["status"] as? String == "failed" && first["started_at"] as? String == "2026-11-24T00:59:00Z")
        #expect(first["duration_ms"] as? Double == 290, "numpy.percentile([100, 300], 95) == 290")
        #expect(lines[7]["attempts"] as? Int == 3)
        let raw = try String(contentsOfFile: folder.path("out/history.jsonl"), encoding: .utf8)
        #expect(!raw.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{9B}" || $0 == "\u{2028}" }, "controls are \\u escapes")
    }

    @Test("a report given the history shows the same runs as the report that wrote it, and carries them on")
    func roundTrip() throws {
        let folder = try TemporaryFolder()
        let input = try folder.write("records.jsonl", try jsonLines(twoNights()))
        let before = try makeReport([input], out: folder.path("night2"))
        let tonight = try folder.write("tonight.jsonl", try jsonLines([
            ["id": "x", "run_id": "r3", "name": "a|b *x* <i>", "group": "g,1", "status": "completed", "duration_ms": 100,
             "started_at": "2026-11-25T01:00:00Z"]]))
        let after = try makeReport([tonight], out: folder.path("night3")) { $0.history = folder.path("night2") }
        let runs = try #require(after.document.statistics.history).runs
        #expect(runs.map(\.runId) == ["r1", "r2", "r3"])
        let earlier = try #require(before.document.statistics.history).runs
        #expect(Array(runs.prefix(2)) == earlier, "counts, success rate, start and p95 of each run survive the trip")
        let changes = try #require(after.document.statistics.changes)
        #expect(changes.baselineRun == "r2" && changes.fixed.map(\.name) == ["a|b *x* <i>"])
        let carried = try String(contentsOfFile: folder.path("night3/history.jsonl"), encoding: .utf8)
        #expect(carried.split(separator: "\n").count == 3 + 4 + 1)
        #expect(after.warnings.isEmpty)
    }

    @Test("nights whose records carry no run id (JUnit files, logs) are told apart through the history")
    func runlessNights() throws {
        let folder = try TemporaryFolder()
        func night(_ day: Int, _ status: String) throws -> String {
            try folder.write("night\(day).jsonl", try jsonLines([
                ["id": "a", "name": "test_get", "group": "TestApi", "status": status, "started_at": "2026-11-2\(day)T01:00:00Z"]]))
        }
        try makeReport([try night(4, "passed")], out: folder.path("n4"))
        let history = try String(contentsOfFile: folder.path("n4/history.jsonl"), encoding: .utf8)
        #expect(history.contains(#""run_id":"run at 2026-11-24T01:00:00Z""#))
        let second = try makeReport([try night(5, "failed")], out: folder.path("n5")) { $0.history = folder.path("n4") }
        let statistics = second.document.statistics
        #expect(statistics.history?.runs.map(\.runId) == ["run at 2026-11-24T01:00:00Z", ""])
        #expect(statistics.changes?.newFailures.map(\.name) == ["test_get"])
        let carried = try String(contentsOfFile: folder.path("n5/history.jsonl"), encoding: .utf8)
        #expect(carried.contains("run at 2026-11-24T01:00:00Z") && carried.contains("run at 2026-11-25T01:00:00Z"))
    }

    @Test("several inputs of one run (CI shards) are one run, beside the history")
    func shards() throws {
        let folder = try TemporaryFolder()
        let history = try folder.write("history.jsonl", try jsonLines([
            ["id": "a", "run_id": "n1", "name": "a", "group": "shard-1", "status": "completed", "started_at": "2026-11-24T01:00:00Z"]]))
        var shards: [String] = []
        for shard in 1...3 {
            shards.append(try folder.write("shard\(shard).jsonl", try jsonLines((0..<4).map { i in
                ["id": "s\(shard)-\(i)", "run_id": "n2", "name": i == 0 ? "a" : "t\(i)", "group": "shard-\(shard)",
                 "status": shard == 1 && i == 0 ? "failed" : "completed", "started_at": "2026-11-25T01:0\(shard):00Z"]
            })))
        }
        let outcome = try makeReport(shards, out: folder.path("out")) { $0.history = history }
        let statistics = outcome.document.statistics
        #expect(statistics.history?.runs.map(\.runId) == ["n1", "n2"])
        #expect(statistics.run == "n2" && statistics.recordCount == 12, "the three shards together")
        #expect(statistics.changes?.newFailures.map(\.group) == ["shard-1"])
    }

    @Test("a run of more than 10,000 tasks keeps its failures and then its first tasks, alone or after another run",
          arguments: [false, true])
    func capped(afterAnotherRun: Bool) throws {
        let folder = try TemporaryFolder()
        let count = RunDigest.historyLimit + 5
        let earlier: [[String: Any]] = afterAnotherRun ? [["id": "t0", "run_id": "r0", "status": "completed", "started_at": 1]] : []
        let records = earlier + (0..<count).map { i -> [String: Any] in
            ["id": "t\(i)", "run_id": "r1", "status": i >= count - 2 ? "failed" : "completed", "started_at": 2]
        }
        let input = try folder.write("records.jsonl", try jsonLines(records))
        try makeReport([input], out: folder.path("out")) { $0.exports = [.history] }
        let lines = try String(contentsOfFile: folder.path("out/history.jsonl"), encoding: .utf8).split(separator: "\n")
            .filter { $0.contains(#""run_id":"r1""#) }
        #expect(lines.count == RunDigest.historyLimit)
        #expect(lines[0].contains(#""id":"t\#(count - 2)""#) && lines[1].contains(#""id":"t\#(count - 1)""#), "failures first")
        #expect(lines[2].contains(#""id":"t0""#) && lines.last!.contains(#""id":"t\#(RunDigest.historyLimit - 3)""#))
    }
}
