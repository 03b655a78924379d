import Foundation
import Testing
import TestSupport

@testable import Ingest

/// The one-line message of loading `text` from a file called `name`, with the path replaced by `FILE`.
func failure(_ text: String, name: String = "bad.jsonl") throws -> String {
    let folder = try TemporaryFolder()
    let path = try folder.write(name, text)
    let error = #expect(throws: IngestError.self) { _ = try TaskLoader().load([.file(path)]) }
    return (error?.description ?? "no error").replacing(path, with: "FILE")
}

@Suite("bad JSON input is rejected with the file and the line or record named")
struct BadInputTests {
    @Test("a file that does not exist")
    func missingFile() {
        let error = #expect(throws: IngestError.self) { _ = try TaskLoader().load([.file("/nonexistent/x.json")]) }
        #expect(error?.description == "/nonexistent/x.json: cannot read: No such file or directory")
    }

    @Test("a directory")
    func directory() throws {
        let folder = try TemporaryFolder()
        let error = #expect(throws: IngestError.self) { _ = try TaskLoader().load([.file(folder.url.path)]) }
        #expect(error?.description == "\(folder.url.path): cannot read: is a directory")
    }

    @Test("text that is not JSON")
    func notJSON() throws {
        #expect(try failure("id,state\n1,ok\n") == "FILE:1: not JSON, JSON Lines, CSV, JUnit XML or SQLite: expected '[', '{' or '<', or a CSV header naming a status column, found 'i'")
        #expect(try failure("\u{1}\u{2}") == "FILE:1: not JSON, JSON Lines, CSV, JUnit XML or SQLite: expected '[', '{' or '<', or a CSV header naming a status column, found byte 0x1")
    }

    @Test("malformed JSON on a later line names that line")
    func malformedLine() throws {
        let message = try failure("{\"id\":1,\"status\":\"ok\"}\n{\"id\":2,\"status\":\"ok\",}\n")
        #expect(message.hasPrefix("FILE:2: invalid JSON"), "\(message)")
    }

    @Test("truncated JSON Lines and a truncated array")
    func truncated() throws {
        #expect(try failure("{\"id\":1,\"status\":\"ok\"}\n{\"id\":2,\"sta").hasPrefix("FILE:2: truncated JSON"))
        #expect(try failure("[\n{\"id\":1,\"status\":\"ok\"},\n{\"id\":2,", name: "bad.json").hasPrefix("FILE:3: record 2: truncated JSON"))
    }

    @Test("invalid UTF-8")
    func invalidUTF8() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("latin1.jsonl")
        var bytes = Array("{\"id\":1,\"status\":\"ok\"}\n{\"id\":2,\"status\":\"caf".utf8)
        bytes += [0xE9] + Array("\"}\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: IngestError.self) { _ = try TaskLoader().load([.file(path)]) }
        #expect(error?.description == "\(path):2: invalid UTF-8")
    }

    @Test("a field of the wrong type names the field and both types")
    func wrongType() throws {
        #expect(try failure(#"{"id":1,"status":"ok","duration_ms":"fast"}"#)
            == "FILE:1: field 'duration_ms' must be a number, got a string")
        #expect(try failure(#"{"id":1,"status":"ok","exit_code":1.5}"#)
            == "FILE:1: field 'exit_code' must be an integer, got a number")
        #expect(try failure(#"{"id":true,"status":"ok"}"#) == "FILE:1: field 'id' must be a string or an integer, got a boolean")
        #expect(try failure(#"{"id":1.5,"status":"ok"}"#) == "FILE:1: field 'id' must be a string or an integer, got a number")
        #expect(try failure(#"{"id":1e30,"status":"ok"}"#) == "FILE:1: field 'id' must be a string or an integer, got a number")
        #expect(try failure(#"{"id":null,"status":"ok"}"#) == "FILE:1: required field 'id' is missing")
        #expect(try failure(#"{"id":1,"run_id":[],"status":"ok"}"#)
            == "FILE:1: field 'run_id' must be a string or an integer, got an array")
        #expect(try failure(#"{"id":1,"status":"ok","started_at":[1]}"#)
            == "FILE:1: field 'started_at' must be an RFC 3339 string or Unix seconds, got an array")
    }

    @Test("a record in an array names its number and the line it starts on")
    func arrayRecord() throws {
        let text = "[\n  {\"id\":1,\"status\":\"ok\"},\n  {\"id\":2,\n   \"status\":\"ok\", \"duration_ms\": -4}\n]"
        #expect(try failure(text, name: "bad.json") == "FILE:3: record 2: duration_ms must not be negative, got -4")
    }

    @Test("a missing status or id")
    func missingFields() throws {
        #expect(try failure(#"{"id":1,"name":"x"}"#) == "FILE:1: required field 'status' is missing or empty")
        #expect(try failure(#"{"id":1,"status":""}"#) == "FILE:1: required field 'status' is missing or empty")
        #expect(try failure(#"{"status":"ok"}"#) == "FILE:1: required field 'id' is missing")
    }

    @Test("a record that is not an object")
    func notObject() throws {
        #expect(try failure("[1, 2]", name: "bad.json") == "FILE:1: record 1: a record must be a JSON object")
    }

    @Test("negative durations and times out of order")
    func badDurations() throws {
        #expect(try failure(#"{"id":1,"status":"ok","duration_ms":-1}"#) == "FILE:1: duration_ms must not be negative, got -1")
        #expect(try failure(#"{"id":1,"status":"ok","duration_ms":1e999}"#) == "FILE:1: field 'duration_ms' must be a finite number")
        #expect(try failure(#"{"id":1,"status":"ok","started_at":20,"finished_at":10}"#)
            == "FILE:1: finished_at is before started_at")
    }

    @Test("a time that is not RFC 3339, a date alone, or an empty time")
    func badTime() throws {
        let notATime = "is not an RFC 3339 time (a date and a time of day) or Unix seconds or milliseconds"
        #expect(try failure(#"{"id":1,"status":"ok","started_at":"24/11/2026"}"#) == "FILE:1: '24/11/2026' \(notATime)")
        #expect(try failure(#"{"id":1,"status":"ok","started_at":"2026-02-30T00:00:00Z"}"#)
            == "FILE:1: '2026-02-30T00:00:00Z' \(notATime)")
        #expect(try failure("\n" + #"{"id":1,"status":"ok","started_at":"2026-11-24"}"#) == "FILE:2: '2026-11-24' \(notATime)")
        #expect(try failure(#"{"id":1,"status":"ok","finished_at":""}"#)
            == "FILE:1: finished_at is empty; leave the field out (or null) when there is no time")
    }

    static let unitsNote = "(numbers are Unix seconds, or milliseconds from 1e11; microseconds and nanoseconds are not read)"

    @Test("times outside the years 1 to 9999 and durations over 100 years are errors, not crashes")
    func impossibleNumbers() throws {
        #expect(try failure(#"{"id":1,"status":"ok","started_at":1e19}"#)
            == "FILE:1: started_at 1e+19 is outside the years 1 to 9999 \(Self.unitsNote)")
        #expect(try failure(#"{"id":1,"status":"ok","finished_at":-1e19}"#)
            == "FILE:1: finished_at -1e+19 is outside the years 1 to 9999 \(Self.unitsNote)")
        #expect(try failure(#"{"id":1,"status":"ok","started_at":"0000-12-31T23:59:59Z"}"#)
            == "FILE:1: started_at -6.21356e+10 is outside the years 1 to 9999 \(Self.unitsNote)")
        for huge in ["1e300", "1.7e308", "18446744073709551616", "3155760000001"] {
            #expect(try failure(#"{"id":1,"status":"ok","duration_ms":\#(huge)}"#)
                .hasPrefix("FILE:1: duration_ms gives a duration over 100 years"))
        }
        #expect(try failure(#"{"id":1,"status":"ok","started_at":0,"finished_at":"9999-12-31T23:59:59Z"}"#)
            .hasPrefix("FILE:1: finished_at gives a duration over 100 years"))
        // The edges themselves are fine, and so is the smallest subnormal.
        let folder = try TemporaryFolder()
        let edges = try folder.write("edges.jsonl", """
            {"id":1,"status":"ok","started_at":"0001-01-01T00:00:00Z","duration_ms":3155760000000}
            {"id":2,"status":"ok","started_at":"9999-12-31T23:59:59.999Z","duration_ms":5e-324}
            """)
        #expect(try TaskLoader().load([.file(edges)]).count == 2)
    }

    @Test("text holds no NUL; a line of NUL bytes is not blank")
    func nulCharacters() throws {
        #expect(try failure(#"{"id":1,"status":"ok","error":"a\u0000b"}"#)
            == "FILE:1: error contains a NUL character, which text may not hold")
        #expect(try failure(#"{"id":1,"status":"ok"}"# + "\n\0\0\0\n")
            == "FILE:2: a record must be a JSON object")
    }

    @Test("content after a record")
    func trailing() throws {
        #expect(try failure("[{\"id\":1,\"status\":\"ok\"}] []", name: "bad.json") == "FILE:1: unexpected content after the array")
    }
}
