import Foundation
import TaskModel
import Testing
import TestSupport

@testable import Ingest

/// Loads `text` written to a file named `name`.
func load(_ text: String, name: String = "records.jsonl", chunkSize: Int? = nil) throws -> TaskTable {
    let folder = try TemporaryFolder()
    let path = try folder.write(name, text)
    var loader = TaskLoader()
    if let chunkSize { loader.chunkSize = chunkSize }
    return try loader.load([.file(path)])
}

@Suite("JSON and JSON Lines inputs")
struct JSONInputTests {
    static let lines = """
        {"id": 1, "status": "completed", "name": "build", "group": "ci", "duration_ms": 1200.5, "exit_code": 0}
        {"id": "b-2", "status": "failed", "name": "test", "group": "ci", "duration_ms": 300, "exit_code": 2, "error": "assert"}
        {"id": 3, "status": "completed", "name": "build", "group": "nightly", "attempts": 2}
        """

    @Test("JSON Lines fill every column, with names, groups and statuses dictionary-encoded")
    func jsonLines() throws {
        let t = try load(Self.lines)
        #expect(t.count == 3)
        #expect((0..<3).map { t.id[$0] } == ["1", "b-2", "3"])
        #expect(t.status.entries == ["completed", "failed"] && t.status.codes == [0, 1, 0])
        #expect(t.name.entries == ["build", "test"] && t.name.codes == [0, 1, 0])
        #expect(t.group.codes == [0, 0, 1])
        #expect(t.durationMs[0] == 1200.5 && t.durationMs[1] == 300 && t.durationMs[2].isNaN)
        #expect(t.exitCode == [0, 2, TaskTable.missingInteger])
        #expect(t.attempts == [TaskTable.missingInteger, TaskTable.missingInteger, 2])
        #expect(t.error[1] == "assert" && t.error.isEmpty(at: 0))
    }

    @Test("a JSON array gives the same table as the same records as JSON Lines")
    func jsonArray() throws {
        let array = "[\n" + Self.lines.split(separator: "\n").joined(separator: ",\n") + "\n]"
        let a = try load(array, name: "records.json"), b = try load(Self.lines)
        #expect(a.count == b.count)
        #expect(a.status.codes == b.status.codes && a.status.entries == b.status.entries)
        #expect(a.durationMs.map(\.bitPattern) == b.durationMs.map(\.bitPattern))
        #expect((0..<a.count).map { a.id[$0] } == (0..<b.count).map { b.id[$0] })
    }

    @Test("the format is told from the content, not the file name")
    func detection() throws {
        #expect(try load(Self.lines, name: "tasks.json").count == 3)
        #expect(try load("[" + "{\"id\":1,\"status\":\"ok\"}" + "]", name: "tasks.jsonl").count == 1)
        #expect(try load(Self.lines, name: "no-extension").count == 3)
    }

    @Test("blank lines, CRLF line ends and a byte order mark are accepted")
    func lineEnds() throws {
        let text = "\u{FEFF}{\"id\":1,\"status\":\"ok\"}\r\n\r\n   \n{\"id\":2,\"status\":\"ok\"}\r\n"
        #expect(try load(text).count == 2)
    }

    @Test("an empty or blank input is zero records, not an error")
    func empty() throws {
        #expect(try load("").count == 0)
        #expect(try load("  \n\n ").count == 0)
        #expect(try load("[]", name: "a.json").count == 0)
    }

    @Test("times are RFC 3339 or Unix seconds; a missing duration comes from them")
    func times() throws {
        let t = try load("""
            {"id":1,"status":"ok","started_at":"2026-11-24T01:00:00Z","finished_at":"2026-11-24T01:00:02.5Z"}
            {"id":2,"status":"ok","started_at":"2026-11-24T03:00:00+02:00","finished_at":1795482061}
            {"id":3,"status":"ok","started_at":"2026-11-24 01:00:00","duration_ms":7}
            {"id":4,"status":"ok","started_at":1795482000,"finished_at":1795482001,"duration_ms":5}
            """)
        // 2026-11-24T01:00:00Z is 1795482000 (Python: datetime(2026,11,24,1,tzinfo=timezone.utc).timestamp()).
        #expect(t.startedAt[0] == 1_795_482_000)
        #expect(t.durationMs[0] == 2500)
        #expect(t.startedAt[1] == 1_795_482_000)  // 03:00 at +02:00 is 01:00 UTC
        #expect(t.durationMs[1] == 61_000)
        #expect(t.startedAt[2] == 1_795_482_000 && t.durationMs[2] == 7)
        #expect(t.durationMs[3] == 5)  // an explicit duration wins
    }

    @Test("times as tools write them: PostgreSQL's, without seconds, seconds as text, milliseconds as Jenkins writes them")
    func timesToolsWrite() throws {
        let t = try load("""
            {"id":1,"status":"ok","started_at":"2026-11-24 01:00:00.768296+00"}
            {"id":2,"status":"ok","started_at":"2026-11-24T01:00"}
            {"id":3,"status":"ok","started_at":"1795482000.5"}
            {"id":4,"status":"ok","started_at":1795482000250,"finished_at":"1795482001250"}
            {"id":5,"status":"ok","started_at":"2026-11-24T03:00+02"}
            {"id":6,"status":"ok","started_at":99999999999}
            """)
        // 2026-11-24T01:00:00Z is 1795482000 (Python: datetime(2026,11,24,1,tzinfo=timezone.utc).timestamp()).
        #expect(abs(t.startedAt[0] - 1_795_482_000.768296) < 1e-6)
        #expect(t.startedAt[1] == 1_795_482_000)
        #expect(t.startedAt[2] == 1_795_482_000.5)
        #expect(t.startedAt[3] == 1_795_482_000.25 && t.finishedAt[3] == 1_795_482_001.25, "milliseconds, number or text")
        #expect(t.durationMs[3] == 1000)
        #expect(t.startedAt[4] == 1_795_482_000)
        #expect(t.startedAt[5] == 99_999_999_999, "just under 1e11 is still seconds (the year 5138)")
    }

    @Test("a key is its field only when it is the field's name whole: longer, shorter and escaped keys where it stood before")
    func keysBesideTheirNames() throws {
        // The key at each place is compared in the raw text with the name found there in the record
        // before; each record after the first puts a near miss where "status" or "name" stood.
        let t = try load([
            #"{"id": 1, "status": "ok", "name": "a"}"#,
            #"{"id": 2, "statu": "x", "status": "ok", "name": "b"}"#,
            #"{"id": 3, "status2": "x", "status": "ok", "names": "x", "name": "c"}"#,
            #"{"i\u0064": 4, "st\"atus": "x", "status": "ok", "nam": "x", "name": "d"}"#,
            #"{"id": 5, "status": "ok", "name\u0000": "x", "name": "e"}"#,
            #"{"id": 6, "status": "failed", "name": "f"}"#,
            // "names" where "name" stood, after the real one: it must not be taken for it.
            #"{"name": "g", "status": "ok", "names": "x", "id": 7}"#,
        ].joined(separator: "\n"))
        #expect((0..<t.count).map { t.id[$0] } == ["1", "2", "3", "4", "5", "6", "7"])
        #expect((0..<t.count).map { t.status[$0] } == ["ok", "ok", "ok", "ok", "ok", "failed", "ok"])
        #expect((0..<t.count).map { t.name[$0] } == ["a", "b", "c", "d", "e", "f", "g"])
    }

    @Test("integer ids are kept as their decimal text, and exit codes and attempts as their values, at every length")
    func integers() throws {
        // 0, ±1, and ± every power of ten from 10 to 10^18 and one below it: the ids' text
        // written as written (18 digits or fewer are read from the text itself, more by the
        // number parser), the exit codes and attempts each within 32 bits.
        var ids: [Int64] = [0, 1, -1]
        var power: Int64 = 10
        for _ in 1...18 {
            ids += [power, power - 1, -power, -(power - 1)]
            if power <= Int64.max / 10 { power *= 10 }
        }
        ids += [Int64.max, Int64.min]
        let codes: [Int32] = [0, 1, 7, 42, 255, -1, -42, Int32.max, Int32.min + 1]
        let lines = ids.enumerated().map { row, id in
            #"{"id": \#(id), "status": "ok", "exit_code": \#(codes[row % codes.count]), "attempts":\#(row)}"#
        }
        let t = try load(lines.joined(separator: "\n"))
        #expect((0..<t.count).map { t.id[$0] } == ids.map { String($0) })
        #expect(t.exitCode == ids.indices.map { codes[$0 % codes.count] })
        #expect(t.attempts == ids.indices.map { Int32($0) })
        #expect(try failure(#"{"id":-0,"status":"ok","exit_code":2147483648}"#)
            == "FILE:1: field 'exit_code' is out of range: 2147483648")
        #expect(try failure(#"{"id":01,"status":"ok"}"#) == "FILE:1: field 'id' must be a string or an integer, got a number")
        #expect(try load(#"{"id":-0,"status":"ok"}"#).id[0] == "0", "-0 is the integer 0, written as 0")
    }

    @Test("unknown fields are ignored; the data payload is kept as its JSON text")
    func extraFields() throws {
        let t = try load(#"{"id":1,"status":"ok","queue":"default","data":{"url":"http://x","n":[1,2]},"tags":["a"]}"#
            + "\n" + #"{"id":2,"status":"ok","data":42}"#)
        #expect(t.data[0] == #"{"url":"http://x","n":[1,2]}"#)
        #expect(t.data[1] == "42")
    }

    @Test("escaped and non-ASCII strings arrive as written")
    func unicode() throws {
        let t = try load(#"{"id":"\u00e9t\u00e9","status":"ok","name":"naïve \"quoted\" <b>"}"#)
        #expect(t.id[0] == "été")
        #expect(t.name[0] == "naïve \"quoted\" <b>")
    }

    @Test("keys in any order, escaped keys and null fields read as written, record after record")
    func keyOrderAndNulls() throws {
        // The reader tries first the field that the key at the same place named in the record before;
        // these records change their order, escape their keys and put unknown keys where fields were.
        let t = try load([
            #"{"id": 1, "status": "ok", "name": "a", "group": "g", "duration_ms": 5, "exit_code": 0, "attempts": 1}"#,
            #"{"attempts": 2, "exit_code": 3, "duration_ms": 6, "group": "h", "name": "b", "status": "failed", "id": 2}"#,
            #"{"\u0069d": 3, "st\u0061tus": "ok", "n\u0061me": "c", "gro\"up": "x", "duration_ms": 7}"#,
            #"{"id": 4, "status": null, "name": null, "group": null, "duration_ms": null, "exit_code": null,"#
                + #" "attempts": null, "started_at": null, "error": null, "run_id": null}"#,
            #"{"id": "5", "extra": "ok", "name": "e", "status": "ok", "more": 1, "duration_ms": 9, "run_id": 77}"#,
        ].joined(separator: "\n"))
        #expect(t.count == 5)
        let rows = 0..<t.count
        #expect(rows.map { t.id[$0] } == ["1", "2", "3", "4", "5"])
        #expect(rows.map { t.status[$0] } == ["ok", "failed", "ok", "none", "ok"], "null is an outcome not known yet")
        #expect(rows.map { t.name[$0] } == ["a", "b", "c", "", "e"])
        #expect(rows.map { t.group[$0] } == ["g", "h", "", "", ""], "a key that is not group's, escaped or not")
        #expect(t.durationMs.prefix(3) == [5, 6, 7] && t.durationMs[3].isNaN && t.durationMs[4] == 9)
        #expect(t.exitCode == [0, 3, TaskTable.missingInteger, TaskTable.missingInteger, TaskTable.missingInteger])
        #expect(t.attempts == [1, 2, TaskTable.missingInteger, TaskTable.missingInteger, TaskTable.missingInteger])
        #expect(rows.map { t.runID[$0] } == ["", "", "", "", "77"])
    }

    @Test("dictionaries keep first-appearance order through many distinct values, found again after every growth")
    func manyDistinctValues() throws {
        let lines = (0..<120_000).map { #"{"id":\#($0),"status":"ok","name":"n\#($0 % 50_000)","group":"g\#($0 % 7)"}"# }
        let t = try load(lines.joined(separator: "\n"))  // one chunk, two halves: 50,000 names in each part
        #expect(t.name.entries == (0..<50_000).map { "n\($0)" })
        #expect(t.name.codes == (0..<120_000).map { Int32($0 % 50_000) })
        #expect(t.group.entries.count == 7 && t.group.codes[99_999] == Int32(99_999 % 7))
    }

    @Test("a JSON array streams: every record and its line across chunk boundaries, pretty-printed or not",
          arguments: [16, 64, 100, 1 << 20])
    func arrayChunks(chunkSize: Int) throws {
        let records = (1...500).map { #"{"id":\#($0),"status":"s\#($0 % 7)","name":"a \"]}\" \#($0)","duration_ms":\#($0)}"# }
        for (text, lineOf301) in [("[" + records.joined(separator: ",") + "]", 1),
                                  ("[\n  " + records.joined(separator: ",\n  ") + "\n]\n", 302)] {
            let t = try load(text, name: "records.json", chunkSize: chunkSize)
            #expect(t.count == 500 && t.durationMs == (1...500).map(Double.init) && t.name[499] == "a \"]}\" 500")
            let broken = text.replacingOccurrences(of: #""id":301,"status":"s0""#, with: #""id":301,"status":7"#)
            let error = #expect(throws: IngestError.self) { _ = try load(broken, name: "records.json", chunkSize: chunkSize) }
            guard case .invalidRecord(_, let line, let record, let message)? = error else { continue }
            #expect(line == lineOf301 && record == 301 && message == "field 'status' must be a string, got a number")
        }
    }

    @Test("chunked reading keeps every record and line number across chunk boundaries", arguments: [16, 64, 100, 4096])
    func chunks(chunkSize: Int) throws {
        let records = (1...500).map { #"{"id":\#($0),"status":"s\#($0 % 7)","duration_ms":\#($0)}"# }
        let t = try load(records.joined(separator: "\n") + "\n", chunkSize: chunkSize)
        #expect(t.count == 500)
        #expect(t.durationMs == (1...500).map(Double.init))
        #expect(t.id[499] == "500")

        let broken = records.prefix(300).joined(separator: "\n") + "\n{\"id\":301,\"status\":7}\n"
        let error = #expect(throws: IngestError.self) { _ = try load(broken, chunkSize: chunkSize) }
        guard case .invalidRecord(_, let line, _, let message)? = error else { return }
        #expect(line == 301)
        #expect(message == "field 'status' must be a string, got a number")
    }

    @Test("large chunks are parsed as two halves in parallel: order, codes and line numbers are as if read in one")
    func parallelHalves() throws {
        // 12,000 records of ~200 bytes: one 2.4 MB chunk, split in two.
        let records = (1...12_000).map {
            #"{"id":\#($0),"status":"s\#($0 % 5)","group":"g\#($0 % 7)","duration_ms":\#($0),"name":"\#(String(repeating: "n", count: 120))"}"#
        }
        let text = records.joined(separator: "\n") + "\n"
        let t = try load(text, chunkSize: 4 << 20)
        #expect(t.count == 12_000)
        #expect(t.durationMs == (1...12_000).map(Double.init))
        #expect(t.status.entries == ["s1", "s2", "s3", "s4", "s0"])
        #expect((0..<12_000).allSatisfy { t.status[$0] == "s\($0 % 5 == 4 ? 0 : ($0 + 1) % 5)" })
        #expect(t.group.codes.count == 12_000 && t.group.entries.count == 7)

        var broken = records
        broken[10_999] = #"{"id":11000,"status":"ok","duration_ms":-1}"#
        let error = #expect(throws: IngestError.self) { _ = try load(broken.joined(separator: "\n"), chunkSize: 4 << 20) }
        guard case .invalidRecord(_, let line, _, _)? = error else { return }
        #expect(line == 11_000)
    }

    @Test("a chunk splits after the line break nearest its middle, and small ones do not split")
    func halves() {
        let small = Array("{}\n{}\n".utf8)
        small.withUnsafeBytes { #expect(JSONRecordReader.halves(of: $0).count == 1) }
        let line = Array((String(repeating: "x", count: 99) + "\n").utf8)
        let big = Array(repeating: line, count: 20_000).flatMap { $0 }
        big.withUnsafeBytes { text in
            let parts = JSONRecordReader.halves(of: text)
            #expect(parts.count == 2)
            #expect(parts[0].count + parts[1].count == text.count)
            #expect(parts[0].last == 0x0A && parts[0].count % 100 == 0)
        }
    }

    @Test("several inputs are concatenated and share dictionary codes")
    func concatenation() throws {
        let folder = try TemporaryFolder()
        let a = try folder.write("a.jsonl", #"{"id":1,"status":"completed","group":"x"}"#)
        let b = try folder.write("b.json", #"[{"id":2,"status":"failed","group":"y"},{"id":3,"status":"completed","group":"x"}]"#)
        let t = try TaskLoader().load([.file(a), .file(b)])
        #expect(t.count == 3)
        #expect(t.status.codes == [0, 1, 0] && t.group.codes == [0, 1, 0])
    }
}
