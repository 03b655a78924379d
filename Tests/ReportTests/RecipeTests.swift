import Foundation
import SQLite
import Testing
import TestSupport

/// The README's recipes for other tools' records, run as written, on files shaped as those tools write them.
@Suite("recipes for other tools' records, as the README writes them")
struct RecipeTests {
    /// Runs `taskreport report FILE ARGUMENTS… --exports stats.json` and returns the statistics.
    static func report(_ file: String, _ contents: String, _ arguments: [String]) throws -> [String: Any] {
        let folder = try TemporaryFolder()
        try folder.write(file, contents)
        return try report([file] + arguments, in: folder)
    }

    /// Runs `taskreport report ARGUMENTS… --exports stats.json` in `folder` and returns the statistics.
    static func report(_ arguments: [String], in folder: TemporaryFolder, exports: String = "stats.json") throws -> [String: Any] {
        let run = try CommandRun.taskreport(["report"] + arguments + ["--out", "out", "--exports", exports], in: folder.url)
        try #require(run.status == 0, "\(run.standardError)")
        let stats = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.url.appendingPathComponent("out/stats.json")))
        return try #require((stats as? [String: Any])?["statistics"] as? [String: Any])
    }

    static func counts(_ statistics: [String: Any]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: ((statistics["statuses"] as? [[String: Any]]) ?? []).compactMap { status in
            (status["label"] as? String).map { ($0, status["count"] as? Int ?? -1) }
        })
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

    @Test("JUnit shards of pytest, Jest and Go, given as reports/*.xml: one run of every test case")
    func junitShards() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("reports"), withIntermediateDirectories: true)
        let shards = ["pytest-shard-1.xml": "pytest-1.xml", "pytest-shard-2.xml": "pytest-2.xml",
                      "jest-junit.xml": "junit.xml", "go-junit-report.xml": "go.xml"]
        for (fixture, name) in shards {
            try FileManager.default.copyItem(atPath: Fixtures.path("junit/" + fixture), toPath: folder.path("reports/" + name))
        }
        let s = try Self.report(shards.values.sorted().map { "reports/" + $0 }, in: folder)
        #expect(s["record_count"] as? Int == 20, "the shards are one run")
        #expect(Self.counts(s) == ["passed": 12, "failed": 3, "error": 1, "skipped": 4])
        #expect(s["failure_count"] as? Int == 4)
    }

    @Test("the report's own junit.xml reads back with the counts it wrote")
    func ownJUnit() throws {
        let folder = try TemporaryFolder()
        _ = try Self.report([Fixtures.path("records.jsonl")], in: folder, exports: "stats.json,junit.xml")
        let xml = try String(contentsOf: folder.url.appendingPathComponent("out/junit.xml"), encoding: .utf8)
        func attribute(_ name: String) -> Int? {
            (xml.firstMatch(of: try! Regex("<testsuites [^>]* \(name)=\"([0-9]+)\"")))
                .flatMap { Int($0.output[1].substring ?? "") }
        }
        try FileManager.default.moveItem(atPath: folder.path("out/junit.xml"), toPath: folder.path("junit.xml"))
        let s = try Self.report(["junit.xml"], in: folder)
        let tests = try #require(attribute("tests")), failures = try #require(attribute("failures"))
        #expect(tests > 0 && s["record_count"] as? Int == tests)
        #expect(s["failure_count"] as? Int == failures)
        #expect(Self.counts(s)["skipped", default: 0] == attribute("skipped"))
    }

    @Test("Airflow's task_instance through --query: runs by run_id, a NULL state as none, tries as attempts")
    func airflow() throws {
        let folder = try TemporaryFolder()
        let database = try SQLiteConnection(path: folder.path("airflow.db"), mode: .readWrite)
        try database.execute("""
            CREATE TABLE task_instance (task_id VARCHAR(250) NOT NULL, dag_id VARCHAR(250) NOT NULL, run_id VARCHAR(250) NOT NULL,
              map_index INTEGER DEFAULT -1 NOT NULL, start_date DATETIME, end_date DATETIME, duration FLOAT, state VARCHAR(20),
              try_number INTEGER, hostname VARCHAR(1000), PRIMARY KEY (dag_id, task_id, run_id, map_index));
            INSERT INTO task_instance VALUES
              ('extract', 'nightly_etl', 'scheduled__2026-11-23T00:00:00+00:00', -1, '2026-11-23 01:00:00.512000', '2026-11-23 01:00:12.250000', 11.738, 'success', 1, 'worker-1'),
              ('load', 'nightly_etl', 'scheduled__2026-11-23T00:00:00+00:00', -1, '2026-11-23 01:00:13.000000', '2026-11-23 01:00:14.000000', 1.0, 'success', 1, 'worker-1'),
              ('extract', 'nightly_etl', 'scheduled__2026-11-24T00:00:00+00:00', -1, '2026-11-24 01:00:00.768296', '2026-11-24 01:00:11.000000', 10.231704, 'success', 1, 'worker-2'),
              ('load', 'nightly_etl', 'scheduled__2026-11-24T00:00:00+00:00', -1, '2026-11-24 01:00:12.000000', '2026-11-24 01:03:12.000000', 180.0, 'failed', 3, 'worker-2'),
              ('report', 'nightly_etl', 'scheduled__2026-11-24T00:00:00+00:00', -1, NULL, NULL, NULL, 'upstream_failed', 0, NULL),
              ('notify', 'nightly_etl', 'scheduled__2026-11-24T00:00:00+00:00', -1, NULL, NULL, NULL, NULL, 0, NULL);
            """)
        let query = """
            SELECT task_id AS name, dag_id AS "group", run_id, state AS status, start_date AS started_at,
                    end_date AS finished_at, try_number AS attempts FROM task_instance
            """
        let s = try Self.report(["airflow.db", "--query", query], in: folder)
        #expect(s["record_count"] as? Int == 4, "the latest run")
        #expect(Self.kinds(s) == ["success": "completed", "failed": "failed", "upstream_failed": "failed", "none": "other"])
        #expect((s["durations"] as? [String: Any])?["max_ms"] as? Double == 180_000)
    }

    @Test("Jenkins' JSON API: millisecond times, a running build's null result as none")
    func jenkins() throws {
        let builds = """
            {"_class":"hudson.model.FreeStyleProject","builds":[
             {"_class":"hudson.model.FreeStyleBuild","duration":0,"fullDisplayName":"nightly #43","number":43,"result":null,"timestamp":1795568400123},
             {"_class":"hudson.model.FreeStyleBuild","duration":754210,"fullDisplayName":"nightly #42","number":42,"result":"FAILURE","timestamp":1795482000250},
             {"_class":"hudson.model.FreeStyleBuild","duration":700500,"fullDisplayName":"nightly #41","number":41,"result":"SUCCESS","timestamp":1795395600000}]}
            """
        let s = try Self.report("builds.json", builds, ["--records-at", "builds", "--field", "id=number",
                                                        "--field", "name=fullDisplayName", "--field", "status=result",
                                                        "--field", "started_at=timestamp", "--field", "duration_ms=duration"])
        #expect(Self.kinds(s) == ["none": "other", "FAILURE": "failed", "SUCCESS": "completed"])
        let slowest = try #require((s["slowest"] as? [[String: Any]])?.first)
        #expect(slowest["name"] as? String == "nightly #42" && slowest["started_at"] as? Double == 1_795_482_000.25)
    }
}
