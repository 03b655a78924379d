import Foundation
import Testing
import TestSupport

@testable import Ingest

/// JSON Lines are read as one stream of documents, each checked to be alone on its line; anything
/// else is read again line by line. These check that the stream never takes what lines would not:
/// each layout below is rejected with the message and line that reading line by line gives, after
/// good records (so the stream has read some before it stops), in small chunks and in one.
@Suite("JSON Lines: one record per line, however the documents are laid out")
struct JSONLinesLayoutTests {
    static let good = #"{"id":1,"status":"ok"}"# + "\n" + #"{"id":2,"status":"ok"}"# + "\n"

    /// Loads `text` after the two good lines: the records' ids, or the error's message with the path as `FILE`.
    static func outcome(_ text: String, chunkSize: Int? = nil) throws -> String {
        let folder = try TemporaryFolder()
        let path = try folder.write("records.jsonl", good + text)
        var loader = TaskLoader()
        if let chunkSize { loader.chunkSize = chunkSize }
        do throws(IngestError) {
            let table = try loader.load([.file(path)])
            return "\(table.count) records: " + (0..<table.count).map { table.id[$0] }.joined(separator: ",")
        } catch {
            return error.description.replacing(path, with: "FILE")
        }
    }

    @Test("two records on one line, glued, or beside a scalar are errors on that line", arguments: [nil, 64])
    func sharedLines(chunkSize: Int?) throws {
        let after = "FILE:3: unexpected content after the record"
        #expect(try Self.outcome(#"{"id":3,"status":"ok"} {"id":4,"status":"ok"}"# + "\n", chunkSize: chunkSize) == after)
        #expect(try Self.outcome(#"{"id":3,"status":"ok"}{"id":4,"status":"ok"}"# + "\n", chunkSize: chunkSize) == after)
        #expect(try Self.outcome(#"{"id":3,"status":"ok"} 5"# + "\n", chunkSize: chunkSize) == after)
        #expect(try Self.outcome(#"{"id":3,"status":"ok"}\#r{"id":4,"status":"ok"}"# + "\n", chunkSize: chunkSize) == after)
    }

    @Test("a record across lines is truncated on its first line", arguments: [nil, 64])
    func spanningLines(chunkSize: Int?) throws {
        let message = try Self.outcome("{\"id\":3,\n\"status\":\"ok\"}\n", chunkSize: chunkSize)
        #expect(message.hasPrefix("FILE:3: truncated JSON"), "\(message)")
        let inString = try Self.outcome("{\"id\":3,\"status\":\"o\nk\"}\n", chunkSize: chunkSize)
        #expect(inString.hasPrefix("FILE:3: "), "\(inString)")
    }

    @Test("a scalar, an array, or a last record cut short is an error on its line", arguments: [nil, 64])
    func notRecords(chunkSize: Int?) throws {
        #expect(try Self.outcome("5\n", chunkSize: chunkSize) == "FILE:3: a record must be a JSON object")
        #expect(try Self.outcome("[{\"id\":3,\"status\":\"ok\"}]\n", chunkSize: chunkSize) == "FILE:3: a record must be a JSON object")
        #expect(try Self.outcome("\n\n{\"id\":3,\"sta", chunkSize: chunkSize).hasPrefix("FILE:5: truncated JSON"))
        // Its strings closed, so only its brace is missing, with and without a line break after it.
        #expect(try Self.outcome(#"{"id":3,"status":"ok""#, chunkSize: chunkSize).hasPrefix("FILE:3: truncated JSON"))
        #expect(try Self.outcome(#"{"id":3,"status":"ok""# + "\n", chunkSize: chunkSize).hasPrefix("FILE:3: truncated JSON"))
    }

    @Test("records longer than the stream's 1 MB batches are read whole, among short ones")
    func longRecords() throws {
        // Lines of 1.5 MB and 3 MB: the stream will not take them at once, and lines are read instead.
        let long = [1_500_000, 3_000_000].map { String(repeating: "x", count: $0) }
        let lines = [#"{"id":3,"status":"ok","output":"\#(long[0])"}"#, #"{"id":4,"status":"ok"}"#,
                     #"{"id":5,"status":"ok","output":"\#(long[1])"}"#, #"{"id":6,"status":"ok"}"#]
        let t = try load(Self.good + lines.joined(separator: "\n") + "\n")
        #expect((0..<t.count).map { t.id[$0] } == ["1", "2", "3", "4", "5", "6"])
        #expect(t.output[2] == long[0] && t.output[4] == long[1] && t.output.isEmpty(at: 5))
    }

    @Test("blank lines, spaces, tabs and CRLF around records are read as lines are", arguments: [nil, 64])
    func whiteSpace(chunkSize: Int?) throws {
        let text = "\n \t\n\r\n  {\"id\":3,\"status\":\"ok\"}  \r\n\t{\"id\":4,\"status\":\"ok\"}\n\n"
        #expect(try Self.outcome(text, chunkSize: chunkSize) == "4 records: 1,2,3,4")
        // An error after them names its line: two good lines, three blank ones, two records, a blank one, then line 9.
        #expect(try Self.outcome(text + #"{"id":5}"#, chunkSize: chunkSize) == "FILE:9: required field 'status' is missing or empty")
        #expect(try Self.outcome(#"{"id":3,"status":"ok"}"#, chunkSize: chunkSize) == "3 records: 1,2,3", "no line break at the end")
    }
}
