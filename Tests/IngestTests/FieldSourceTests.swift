import Foundation
import TaskModel
import Testing
import TestSupport

@testable import Ingest

/// `--field SCHEMA=SOURCE`: other tools' names for the record's fields.
@Suite("--field: fields read from other keys and columns")
struct FieldSourceTests {
    static func loader(_ fields: [String], recordsAt: String? = nil) throws -> TaskLoader {
        var loader = TaskLoader()
        loader.recordsAt = recordsAt
        for field in fields { try loader.sources.add(field) }
        return loader
    }

    static func load(_ text: String, name: String, _ loader: TaskLoader) throws -> TaskTable {
        let folder = try TemporaryFolder()
        return try loader.load([.file(try folder.write(name, text))])
    }

    @Test("sources with quotes or backslashes in their names, or longer than 48 bytes, are found record after record")
    func unusualSourceNames() throws {
        let long = String(repeating: "s", count: 60)
        let loader = try Self.loader([#"status=st"at"#, #"name=n\m"#, "group=\(long)", "id=\(long)x"])
        // JSON keys escape the quote and the backslash; the long names differ only in their last byte.
        let lines = (1...3).map { i in
            #"{"\#(long)x": \#(i), "st\"at": "ok", "n\\m": "n\#(i)", "\#(long)": "g\#(i)", "status": "no"}"#
        }
        let t = try Self.load(lines.joined(separator: "\n"), name: "odd.jsonl", loader)
        #expect((0..<3).map { t.id[$0] } == ["1", "2", "3"])
        #expect((0..<3).map { t.status[$0] } == ["ok", "ok", "ok"])
        #expect((0..<3).map { t.name[$0] } == ["n1", "n2", "n3"])
        #expect((0..<3).map { t.group[$0] } == ["g1", "g2", "g3"])
        // A key whose raw bytes are a source's name is not that name when they hold an escape: "a\b"
        // in JSON is "a" and a backspace, and only "a\\b" is the three characters a, backslash, b.
        let escapes = try Self.loader([#"name=a\b"#])
        let names = try Self.load([#"{"id":1,"status":"ok","a\b":"no"}"#, #"{"id":2,"status":"ok","a\\b":"yes"}"#,
                                   #"{"id":3,"status":"ok","a\b":"no"}"#].joined(separator: "\n"), name: "esc.jsonl", escapes)
        #expect((0..<3).map { names.name[$0] } == ["", "yes", ""])
    }

    @Test("GitHub's jobs: the outcome is in conclusion, not status, which says completed for failed jobs")
    func githubJobs() throws {
        let loader = try Self.loader(["status=conclusion", "finished_at=completed_at", "group=workflow_name"], recordsAt: "jobs")
        let t = try Self.load(RecordsAtTests.jobs.replacingOccurrences(of: #""conclusion": "success""#, with: #""conclusion": "failure", "workflow_name": "CI""#)
            .replacingOccurrences(of: #""conclusion": null"#, with: #""conclusion": "success""#), name: "jobs.json", loader)
        #expect(t.status.entries == ["failure", "success"])
        #expect(t.status.entries.map(StatusKind.init(label:)) == [.failed, .completed])
        #expect(t.finishedAt[0] == 1_579_542_279 && t.durationMs[0] == 119_000, "17:42:40 to 17:44:39")
        #expect(t.group[0] == "CI")
    }

    @Test("kubectl's items: dotted sources reach into nested objects")
    func kubernetes() throws {
        let loader = try Self.loader(["id=metadata.uid", "name=metadata.name", "status=status.phase",
                                      "started_at=status.startTime"], recordsAt: "items")
        let t = try Self.load("""
            {"apiVersion": "v1", "kind": "List", "items": [
              {"metadata": {"name": "backup-28345", "uid": "7c1e", "labels": {"job": "backup"}},
               "status": {"phase": "Succeeded", "startTime": "2026-11-24T01:00:00Z"}},
              {"metadata": {"name": "report-28345", "uid": "9f2a"}, "status": {"phase": "Failed"}}
            ]}
            """, name: "pods.json", loader)
        #expect((0..<2).map { t.id[$0] } == ["7c1e", "9f2a"] && (0..<2).map { t.name[$0] } == ["backup-28345", "report-28345"])
        #expect(t.status.entries == ["Succeeded", "Failed"] && t.startedAt[0] == 1_795_482_000)
    }

    @Test("Slurm's sacct -P: columns named by their own header")
    func slurm() throws {
        let t = try Self.load("""
            JobID|JobName|Account|State|Start|End|Elapsed
            1042|train|ml|CANCELLED by 1042|2026-11-24T01:00:00|2026-11-24T01:05:00|00:05:00
            1043|eval|ml|RUNNING|2026-11-24T01:10:00|Unknown|00:01:00
            1044|wait|ml|PENDING|None|Unknown|00:00:00

            """, name: "sacct.txt", try Self.loader(["id=JobID", "name=JobName", "status=State", "group=Account",
                                                     "started_at=Start", "finished_at=End"]))
        #expect(t.status.entries == ["CANCELLED by 1042", "RUNNING", "PENDING"] && t.group.entries == ["ml"])
        #expect(t.durationMs[0] == 300_000 && t.finishedAt[1].isNaN && t.startedAt[2].isNaN, "Unknown and None are no time")
    }

    @Test("a source no record has is an error naming it; a bad --field names what is wrong")
    func errors() throws {
        let missing = #expect(throws: IngestError.self) {
            _ = try Self.load(#"{"id": 1, "status": "ok"}"# + "\n", name: "r.jsonl", try Self.loader(["finished_at=done_at"]))
        }
        #expect(missing?.description == "--field finished_at=done_at: no record of any input has 'done_at'")
        let required = #expect(throws: IngestError.self) {
            _ = try Self.load(#"{"id": 1, "status": "ok"}"# + "\n", name: "r.jsonl", try Self.loader(["status=conclusion"]))
        }
        #expect(required?.description.hasSuffix("r.jsonl:1: required field 'status' (read from 'conclusion') is missing or empty") == true)
        var sources = FieldSources()
        #expect(throws: FieldSourceError.unknownField("state=State", name: "state")) { try sources.add("state=State") }
        #expect(throws: FieldSourceError.noEquals("status")) { try sources.add("status") }
        try sources.add("status=a")
        #expect(throws: FieldSourceError.givenTwice("status")) { try sources.add("status=b") }
    }
}
