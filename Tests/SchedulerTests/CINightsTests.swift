import Foundation
import Testing
import TestSupport

/// Three CI nights, each on a fresh runner with a fresh store, each given only
/// the previous night's report folder, as a CI job that downloads the last
/// artifact does.
@Suite("three CI nights on fresh runners, remembered through the report folder", .serialized)
struct CINightsTests {
    /// One night's tasks: two tests named test_get in two classes, and a fetch that may need a retry.
    static func taskFile(apiFails: Bool, fetchRetries: Bool) -> String {
        let api = apiFails ? "echo 'api says 500' >&2; exit 1" : "true"
        // The first attempt leaves a mark and fails; the retry, a backoff of 0.5 to 1.5 s later, completes.
        let fetch = fetchRetries ? "if [ -e tried ]; then exit 0; fi; touch tried; exit 1" : "true"
        return """
            { "tasks": [
                { "id": "api-get", "name": "test_get", "group": "TestApi", "shell": "\(api)" },
                { "id": "db-get", "name": "test_get", "group": "TestDb", "shell": "echo 'db gone' >&2; exit 1" },
                { "id": "fetch", "group": "net", "retries": 1, "retry_delay": "1s", "shell": "\(fetch)" } ] }
            """
    }

    /// What a night leaves: its command's result, its report folder as uploaded, and its run id.
    struct Night {
        let run: CommandRun
        let artifact: URL
        let runID: String

        func text(_ file: String) throws -> String {
            try String(contentsOf: artifact.appendingPathComponent(file), encoding: .utf8)
        }

        func stats() throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: artifact.appendingPathComponent("stats.json")))
                as? [String: Any])
        }

        /// The statistics' `key` of stats.json.
        func statistics(_ key: String) throws -> Any? {
            try (try stats()["statistics"] as? [String: Any])?[key]
        }

        func gate() throws -> [String: Any] {
            try #require((try stats()["gates"] as? [[String: Any]])?.first)
        }
    }

    /// Runs one night on a new runner folder and uploads its `Output` to `artifacts/name`.
    static func night(_ name: String, tasks: String, history: String, in root: TemporaryFolder) throws -> Night {
        let runner = root.url.appendingPathComponent("runner-\(name)")
        try FileManager.default.createDirectory(at: runner, withIntermediateDirectories: true)
        try tasks.write(to: runner.appendingPathComponent("tasks.json"), atomically: true, encoding: .utf8)
        let run = try CommandRun.taskreport(
            ["run", "tasks.json", "--fail-on", "new-failures>0", "--history", history], in: runner)
        let output = runner.appendingPathComponent("Output")
        let files = try FileManager.default.contentsOfDirectory(atPath: output.path)
        #expect(!files.contains { $0.hasSuffix("-wal") || $0.hasSuffix("-shm") }, "\(name): the store is one file: \(files)")
        let artifact = root.url.appendingPathComponent("artifacts/\(name)")
        try FileManager.default.createDirectory(at: artifact.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: output, to: artifact)
        let runID = try #require(try query(artifact.appendingPathComponent("taskreport.sqlite").path, "SELECT run_id FROM runs").first?.first)
        return Night(run: run, artifact: artifact, runID: runID)
    }

    @Test("the first night's gate is not evaluated; the third finds a new failure across runners and a retry that is not a regression")
    func threeNights() throws {
        let root = try TemporaryFolder()
        let first = try Self.night("1", tasks: Self.taskFile(apiFails: false, fetchRetries: false),
                                   history: root.path("artifacts/none"), in: root)
        // Night 1: nothing to compare with, so the gate is neither passed nor tripped, and says so everywhere.
        #expect(first.run.status == 0, "the gates decide, and none tripped: \(first.run.standardError)")
        #expect(first.run.standardError.contains("taskreport: warning: --history \(root.path("artifacts/none")): no such file or folder"))
        #expect(first.run.standardError.contains(
            "taskreport: warning: gate new-failures>0 not evaluated: no earlier run to compare against"))
        let gate = try first.gate()
        #expect(gate["evaluated"] as? Bool == false && gate["measured"] is NSNull && gate["tripped"] as? Bool == false)
        #expect(try first.text("summary.md").contains("- ⚠️ new\\-failures\\>0 not evaluated: no earlier run"))
        #expect(try !first.text("summary.md").contains("✅"))
        let firstGates = try Self.section(try first.text("index.html"), id: "gates-heading")
        #expect(firstGates.contains("⚠️ not evaluated") && firstGates.contains("no earlier run to compare against"))
        #expect(!firstGates.contains("passed"))

        let second = try Self.night("2", tasks: Self.taskFile(apiFails: false, fetchRetries: false),
                                    history: first.artifact.path, in: root)
        #expect(second.run.status == 0, "TestDb.test_get failed both nights: not new. \(second.run.standardError)")
        #expect(try second.gate()["evaluated"] as? Bool == true && second.gate()["measured"] as? Int == 0)

        // Night 3 is given only night 2's folder; night 1 comes through night 2's history.jsonl.
        let third = try Self.night("3", tasks: Self.taskFile(apiFails: true, fetchRetries: true),
                                   history: second.artifact.appendingPathComponent("history.jsonl").path, in: root)
        #expect(third.run.status == 1, "the gate trips on TestApi.test_get")
        #expect(third.run.standardError.contains("taskreport: gate new-failures>0 tripped: new-failures is 1"))
        let runs = try #require((try third.statistics("history") as? [String: Any])?["runs"] as? [[String: Any]])
        #expect(runs.compactMap { $0["run_id"] as? String } == [first.runID, second.runID, third.runID])
        let changes = try #require(try third.statistics("changes") as? [String: Any])
        #expect(changes["baseline_run"] as? String == second.runID)
        let newFailures = try #require(changes["new_failures"] as? [[String: Any]])
        #expect(newFailures.map { "\($0["group"] ?? "").\($0["name"] ?? "")" } == ["TestApi.test_get"])
        let flaky = try #require(changes["flaky"] as? [[String: Any]])
        #expect(flaky.map { "\($0["name"] ?? "") \($0["attempts"] ?? "")" } == ["fetch 2"])
        #expect(changes["regression_count"] as? Int == 0, "the retry's backoff is not the task's time")
        let gate3 = try third.gate()
        #expect(gate3["evaluated"] as? Bool == true && gate3["measured"] as? Int == 1 && gate3["tripped"] as? Bool == true)

        // The page and summary.md say the same.
        let html = try third.text("index.html")
        let runsSection = try Self.section(html, id: "runs-heading")
        for id in [first.runID, second.runID, third.runID] { #expect(runsSection.contains(id), "the page lists run \(id)") }
        #expect(html.contains("of the 3 runs in the records and the history"))
        let changesSection = try Self.section(html, id: "changes-heading")
        #expect(changesSection.contains("<h3>New failures (1)</h3>"))
        #expect(changesSection.contains("<tr><td>test_get</td><td>TestApi</td>"))
        #expect(!changesSection.contains("<tr><td>test_get</td><td>TestDb</td>"))
        #expect(changesSection.contains("<h3>Slower tasks (0)</h3>") && changesSection.contains("needed 2 attempts"))
        let thirdGates = try Self.section(html, id: "gates-heading")
        #expect(thirdGates.contains("✗ tripped") && thirdGates.contains("new-failures is 1"))
        let summary = try third.text("summary.md")
        #expect(summary.contains("Run \(third.runID.replacingOccurrences(of: "-", with: "\\-")), the latest of 3."))
        #expect(summary.contains("1 new failure · 0 fixed · 1 flaky · 0 slower"))
        #expect(summary.contains("| test\\_get | TestApi | failed |") && summary.contains("❌ new\\-failures\\>0 tripped"))

        // The history carries the three nights forward; the store's fetch took its last attempt's time.
        let history = try third.text("history.jsonl").split(separator: "\n")
        #expect(history.count == 9, "three tasks in each of three runs")
        let store = third.artifact.appendingPathComponent("taskreport.sqlite").path
        let fetchMs = try #require(Double(try query(store, "SELECT duration_ms FROM tasks WHERE id = 'fetch'").first?.first ?? ""))
        #expect(fetchMs < 500, "the last attempt's run time, not the span across a backoff of at least 500 ms")

        // A report over the downloaded store, read under its locks, leaves it one file too.
        let reread = try CommandRun.taskreport(["report", store, "--out", root.path("reread")], in: root.url)
        #expect(reread.status == 0, "\(reread.standardError)")
        let beside = try FileManager.default.contentsOfDirectory(atPath: third.artifact.path)
        #expect(!beside.contains { $0.hasSuffix("-wal") || $0.hasSuffix("-shm") }, "\(beside)")
    }

    @Test("a history that does not read is bad input: exit 2, one line naming the file and the line, no report")
    func corruptHistory() throws {
        let root = try TemporaryFolder()
        _ = try root.write("records.jsonl", #"{"id": "a", "status": "completed", "run_id": "r2"}"# + "\n")
        try FileManager.default.createDirectory(at: root.url.appendingPathComponent("old"), withIntermediateDirectories: true)
        _ = try root.write("old/history.jsonl", #"{"id": "a", "status": "completed", "run_id": "r1"}"# + "\n{\"id\": \n")
        let run = try CommandRun.taskreport(["report", "records.jsonl", "--history", "old", "--out", "Output"], in: root.url)
        #expect(run.status == 2)
        #expect(run.standardError.hasPrefix("taskreport: old/history.jsonl:2: "), "\(run.standardError)")
        #expect(run.standardError.split(separator: "\n").count == 1)
        #expect(!root.exists("Output/index.html"))
    }

    /// The part of `html` from the element with `id` to the end of its section.
    static func section(_ html: String, id: String) throws -> String {
        let start = try #require(html.range(of: "id=\"\(id)\""), "no element \(id)")
        let rest = html[start.upperBound...]
        return String(rest[..<(rest.range(of: "</section>")?.lowerBound ?? rest.endIndex)])
    }
}
