import Foundation
import Testing
import TestSupport

/// The README's recipes for other tools' records, run as written, on files shaped as those tools write them.
@Suite("recipes for other tools' records, as the README writes them")
struct RecipeTests {
    /// Runs `taskreport report FILE ARGUMENTS… --exports stats.json` and returns the statistics.
    static func report(_ file: String, _ contents: String, _ arguments: [String]) throws -> [String: Any] {
        let folder = try TemporaryFolder()
        try folder.write(file, contents)
        let run = try CommandRun.taskreport(["report", file] + arguments + ["--out", "out", "--exports", "stats.json"], in: folder.url)
        try #require(run.status == 0, "\(run.standardError)")
        let stats = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.url.appendingPathComponent("out/stats.json")))
        return try #require((stats as? [String: Any])?["statistics"] as? [String: Any])
    }

    static func kinds(_ statistics: [String: Any]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: ((statistics["statuses"] as? [[String: Any]]) ?? []).compactMap { status in
            (status["label"] as? String).map { ($0, status["kind"] as? String ?? "") }
        })
    }

    @Test("GitHub Actions jobs: the outcome from conclusion, a failed job counted as failed")
    func github() throws {
        let jobs = """
            {"total_count": 2, "jobs": [
              {"id": 1, "run_id": 7, "workflow_name": "CI", "name": "build", "status": "completed", "conclusion": "success",
               "started_at": "2026-11-24T01:00:00Z", "completed_at": "2026-11-24T01:02:00Z"},
              {"id": 2, "run_id": 7, "workflow_name": "CI", "name": "test", "status": "completed", "conclusion": "failure",
               "started_at": "2026-11-24T01:02:00Z", "completed_at": "2026-11-24T01:09:30Z"}]}
            """
        let s = try Self.report("jobs.json", jobs, ["--records-at", "jobs", "--field", "status=conclusion",
                                                    "--field", "finished_at=completed_at", "--field", "group=workflow_name"])
        #expect(s["failure_count"] as? Int == 1 && s["success_rate"] as? Double == 0.5)
        #expect((s["durations"] as? [String: Any])?["max_ms"] as? Double == 450_000)
    }

    @Test("Kubernetes pods: dotted fields into metadata and status")
    func kubernetes() throws {
        let pods = """
            {"apiVersion": "v1", "items": [
              {"metadata": {"name": "backup-1", "uid": "u1"}, "status": {"phase": "Succeeded", "startTime": "2026-11-24T01:00:00Z"}},
              {"metadata": {"name": "backup-2", "uid": "u2"}, "status": {"phase": "Failed", "startTime": "2026-11-24T02:00:00Z"}},
              {"metadata": {"name": "backup-3", "uid": "u3"}, "status": {"phase": "Pending"}}], "kind": "List"}
            """
        let s = try Self.report("pods.json", pods, ["--records-at", "items", "--field", "id=metadata.uid",
                                                    "--field", "name=metadata.name", "--field", "status=status.phase",
                                                    "--field", "started_at=status.startTime"])
        #expect(Self.kinds(s) == ["Succeeded": "completed", "Failed": "failed", "Pending": "pending"])
    }

    @Test("Slurm's sacct -P: columns by their own names, CANCELLED by a user, a job still running")
    func slurm() throws {
        let sacct = """
            JobID|JobName|Account|State|Start|End
            1042|train|ml|CANCELLED by 1042|2026-11-24T01:00:00|2026-11-24T01:05:00
            1043|eval|ml|OUT_OF_MEMORY|2026-11-24T01:06:00|2026-11-24T01:07:00
            1044|infer|ml|RUNNING|2026-11-24T01:10:00|Unknown
            """
        let s = try Self.report("jobs.txt", sacct + "\n", ["--field", "id=JobID", "--field", "name=JobName",
                                                          "--field", "group=Account", "--field", "status=State",
                                                          "--field", "started_at=Start", "--field", "finished_at=End"])
        #expect(Self.kinds(s) == ["CANCELLED by 1042": "cancelled", "OUT_OF_MEMORY": "failed", "RUNNING": "running"])
        #expect(s["failure_count"] as? Int == 1)
    }
}
