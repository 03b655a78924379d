import Foundation
import Testing
import TaskModel
import TestSupport

@testable import Ingest

/// The readers scan keys, texts and line breaks eight or sixteen bytes at a time, with a last word that
/// overlaps the one before. These tests put the byte that matters at every place in those words.
@Suite("texts scanned a word at a time")
struct ByteScanTests {
    @Test("a key with an escape at any place is read as the field it spells")
    func escapedKeyAtEachPlace() throws {
        // Keys of 4, 9, 11 and 27 bytes: the escape in the first word, the second, and the third.
        let values = ["name": #""n""#, "exit_code": "3", "duration_ms": "5", "a_key_that_is_no_field_name": #""v""#]
        for (key, value) in values {
            for place in key.indices {
                let code = String(format: "\\u%04x", key.unicodeScalars[place].value)
                let escaped = key[..<place] + code + key[key.index(after: place)...]
                let line = #"{"id":"x","status":"ok","\#(escaped)":\#(value)}"#
                let t = try load(line + "\n" + line)
                #expect(t.count == 2 && t.id[1] == "x", "\(escaped)")
                #expect(t.name[1] == (key == "name" ? "n" : ""), "\(escaped)")
                #expect(t.exitCode[1] == (key == "exit_code" ? 3 : TaskTable.missingInteger), "\(escaped)")
                #expect(t.durationMs[1].isNaN == (key != "duration_ms"), "\(escaped)")
            }
        }
    }

    @Test("line breaks are counted across thousands of lines: an error deep in a JSON array names its line")
    func lineOfALateRecord() throws {
        // Each record over three lines, 5,000 of them (about 150 KB, many blocks of counted bytes), then a bad one.
        let good = (1...5_000).map { "{\"id\": \($0),\n \"status\": \"ok\"\n}" }
        let text = "[\n" + good.joined(separator: ",\n") + ",\n{\"id\": 0,\n \"status\": 7\n}\n]\n"
        let message = try failure(text, name: "deep.json")
        // Line 1 is the bracket; record k starts on line 3k - 1.
        #expect(message.hasPrefix("FILE:15002: record 5001: "), "\(message)")
    }

    @Test("line breaks inside a record are counted whole, however many: an error after them names its line",
          arguments: [1, 15, 16, 17, 63, 64, 65, 255, 256, 4_031, 4_032, 4_033, 16_129, 20_000])
    func lineAfterManyLineBreaks(lineBreaks: Int) throws {
        // Record 2 holds nothing but line breaks between its fields, as many as the per-byte counters
        // hold between two sums (4,032 a counter: 63 rounds of 64 bytes) and either side of that;
        // record 3, after them, is the bad one.
        let text = "[{\"id\": 1, \"status\": \"ok\"},\n{\"id\": 2," + String(repeating: "\n", count: lineBreaks)
            + "\"status\": \"ok\"},\n{\"id\": 3, \"status\": 7}]\n"
        let message = try failure(text, name: "breaks.json")
        #expect(message.hasPrefix("FILE:\(lineBreaks + 3): record 3: "), "\(message)")
    }

    /// A CSV input whose only name is `bytes` (the readers check CSV texts as UTF-8 themselves).
    static func loadName(_ bytes: [UInt8]) throws -> String {
        let folder = try TemporaryFolder()
        let path = folder.path("names.csv")
        try Data(Array("id,status,name\n1,ok,".utf8) + bytes + [0x0A]).write(to: URL(fileURLWithPath: path))
        return try TaskLoader().load([.file(path)]).name[0]
    }

    @Test("a byte that is not ASCII, or a NUL, is found at every place of texts of 1 to 40 bytes")
    func textsOfEachLength() throws {
        for length in 1...40 {
            let plain = Array(repeating: UInt8(ascii: "n"), count: length)
            #expect(try Self.loadName(plain) == String(repeating: "n", count: length))
            for place in 0..<length {
                var invalid = plain
                invalid[place] = 0xFF
                #expect(throws: IngestError.self, "0xFF at \(place) of \(length)") { try Self.loadName(invalid) }
                invalid[place] = 0
                #expect(throws: IngestError.self, "NUL at \(place) of \(length)") { try Self.loadName(invalid) }
                var accented = plain
                accented.replaceSubrange(place...place, with: [0xC3, 0xA9])  // é: UTF-8, not ASCII
                #expect(try Self.loadName(accented) == String(decoding: accented, as: UTF8.self))
            }
        }
    }
}
