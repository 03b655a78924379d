import Foundation
import TaskModel
import Testing
import TestSupport

@testable import Ingest

/// Records wrapped in a JSON document, as GitHub's jobs API and kubectl write them.
@Suite("--records-at: records inside a JSON document")
struct RecordsAtTests {
    /// The shape of `gh api repos/OWNER/REPO/actions/runs/RUN/jobs`, pretty-printed as gh writes it.
    static let jobs = """
        {
          "total_count": 2,
          "jobs": [
            {
              "id": 399444496, "run_id": 29679449, "name": "build", "status": "completed", "conclusion": "success",
              "started_at": "2020-01-20T17:42:40Z", "completed_at": "2020-01-20T17:44:39Z",
              "steps": [ { "name": "Set up job", "status": "completed" } ]
            },
            { "id": 399444497, "run_id": 29679449, "name": "test", "status": "in_progress", "conclusion": null,
              "started_at": "2020-01-20T17:44:40Z" }
          ]
        }
        """

    static func load(_ text: String, at path: String?) throws(IngestError) -> TaskTable {
        let folder = try! TemporaryFolder()
        var loader = TaskLoader()
        loader.recordsAt = path
        return try loader.load([.file(try! folder.write("jobs.json", text))])
    }

    @Test("the array at a path is the records, ids and run ids as written")
    func githubJobs() throws {
        let t = try Self.load(Self.jobs, at: "jobs")
        #expect(t.count == 2)
        #expect((0..<2).map { t.id[$0] } == ["399444496", "399444497"] && t.runID.entries == ["29679449"])
        #expect(t.status.entries == ["completed", "in_progress"] && t.startedAt[0] == 1_579_542_160)
    }

    @Test("a dotted path reaches into nested objects")
    func nested() throws {
        let t = try Self.load(#"{"data": {"items": [{"id": "a", "status": "Succeeded"}]}, "kind": "List"}"#, at: "data.items")
        #expect(t.count == 1 && t.status.entries == ["Succeeded"])
    }

    @Test("a wrong path, or a value that is no array of records, is one line naming it")
    func wrongPaths() {
        func message(_ text: String, _ path: String) -> String {
            do {
                _ = try Self.load(text, at: path)
                return "no error"
            } catch {
                return error.description.components(separatedBy: "jobs.json").last ?? ""
            }
        }
        #expect(message(Self.jobs, "runs") == ":1: --records-at runs: the document has no field 'runs'")
        #expect(message(Self.jobs, "total_count") == ":1: --records-at total_count: the field is not an array of records")
        #expect(message(Self.jobs, "total_count.x") == ":1: --records-at total_count.x: the value before 'x' is not an object")
        #expect(message(#"{"jobs": [{"id": 1}]}"#, "jobs") == ":1: record 1: required field 'status' is missing or empty")
    }

    @Test("without --records-at, a document that wraps its records says where they may be")
    func hint() {
        for text in [Self.jobs, Self.jobs.replacingOccurrences(of: "\n", with: " ")] {
            let error = #expect(throws: IngestError.self) { _ = try Self.load(text, at: nil) }
            #expect(error?.description.hasSuffix(
                "jobs.json: one JSON object, not records; its arrays: jobs; give --records-at jobs (dotted for deeper: --records-at data.items)")
                == true, "\(String(describing: error))")
        }
    }
}
