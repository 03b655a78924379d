import Foundation
import TaskModel
import Testing

@testable import Ingest

/// Text columns hold no offsets while every text is empty; these check that the
/// texts read back the same whichever part first holds one, and that a table
/// joined a piece at a time equals the table read at once.
@Suite("text columns and tables joined a piece at a time")
struct TextColumnTests {
    /// Appends `texts` to `column` as one part, the way the assembler hands a reader's part over.
    private func append(_ texts: [String], to column: inout TextColumn) {
        var bytes: [UInt8] = []
        var offsets: [UInt64] = [0]
        for text in texts {
            bytes += text.utf8
            offsets.append(UInt64(bytes.count))
        }
        bytes.withUnsafeBytes { raw in
            offsets.withUnsafeBufferPointer { column.append(bytes: raw, offsets: $0) }
        }
    }

    @Test("parts of empty and non-empty texts, in any order, read back as given",
          arguments: [[[], ["", ""], ["", "b", ""], [""], ["é\u{301}", ""]],
                      [["a"], ["", ""], [], ["", "c"]],
                      [["", ""], [""], []],
                      [[], []]])
    func parts(_ parts: [[String]]) {
        var column = TextColumn()
        for part in parts { append(part, to: &column) }
        let texts = parts.flatMap { $0 }
        #expect(column.count == texts.count)
        #expect((0..<column.count).map { column[$0] } == texts)
        #expect((0..<column.count).map { column.isEmpty(at: $0) } == texts.map(\.isEmpty))
        #expect(column.bytes == Array(texts.joined().utf8))
    }

    @Test("a column made from offsets over no bytes is that many empty texts")
    func emptyFromOffsets() {
        let column = TextColumn(bytes: [], offsets: [0, 0, 0])
        #expect(column.count == 2 && column[1] == "" && column.isEmpty(at: 0))
        #expect(TextColumn(emptyCount: 3).count == 3 && TextColumn(emptyCount: 3)[2] == "")
        let selected = TaskTable(
            id: TextColumn(bytes: Array("abc".utf8), offsets: [0, 1, 2, 3]), status: DictionaryColumn(codes: [0, 0, 0], entries: ["ok"]),
            name: DictionaryColumn(codes: [0, 0, 0], entries: [""]), group: DictionaryColumn(codes: [0, 0, 0], entries: [""]),
            runID: DictionaryColumn(codes: [0, 0, 0], entries: [""]), startedAt: [.nan, .nan, .nan], finishedAt: [.nan, .nan, .nan],
            durationMs: [1, 2, 3], exitCode: [0, 0, 0], attempts: [1, 1, 1], error: TextColumn(emptyCount: 3),
            data: TextColumn(bytes: Array("xy".utf8), offsets: [0, 0, 2, 2])
        ).selecting([2, 1])
        #expect(selected.id[0] == "c" && selected.data[1] == "xy" && selected.data[0] == "" && selected.error.count == 2)
    }

    @Test("rows selected in any order, repeated or not, keep their texts; an all-empty column stays empty")
    func selectingRows() {
        let texts = (0..<300).map { i in i % 3 == 0 ? "" : String(repeating: i % 2 == 0 ? "é" : "x", count: i % 11) + "\(i)" }
        var column = TextColumn()
        append(texts, to: &column)
        let rows = (0..<500).map { ($0 * 7919) % 300 }
        let table = TaskTable(
            id: column, status: DictionaryColumn(codes: Array(repeating: 0, count: 300), entries: ["ok"]),
            name: DictionaryColumn(codes: Array(repeating: 0, count: 300), entries: [""]),
            group: DictionaryColumn(codes: Array(repeating: 0, count: 300), entries: [""]),
            runID: DictionaryColumn(codes: Array(repeating: 0, count: 300), entries: [""]),
            startedAt: Array(repeating: .nan, count: 300), finishedAt: Array(repeating: .nan, count: 300),
            durationMs: (0..<300).map(Double.init), exitCode: Array(repeating: 0, count: 300),
            attempts: Array(repeating: 1, count: 300), error: TextColumn(emptyCount: 300), data: TextColumn(emptyCount: 300))
        let selected = table.selecting(rows)
        #expect(selected.count == rows.count && selected.id.count == rows.count && selected.error.count == rows.count)
        #expect((0..<rows.count).map { selected.id[$0] } == rows.map { texts[$0] })
        #expect(selected.id.bytes == Array(rows.map { texts[$0] }.joined().utf8))
        #expect(selected.error.bytes.isEmpty && (0..<rows.count).allSatisfy { selected.error.isEmpty(at: $0) })
        #expect(selected.durationMs == rows.map(Double.init))
    }

    /// The texts appear first in the last chunk: the earlier parts, all empty, come before a part that has one.
    @Test("a JSON Lines input read in small chunks equals the same input read at once", arguments: [64, 300, 4096])
    func piecewise(chunkSize: Int) throws {
        let lines = (1...400).map { i in
            let error = i > 350 && i % 5 == 0 ? #","error":"boom \#(i)""# : ""
            return #"{"id":"t\#(i)","run_id":"r\#(i / 100)","status":"\#(i % 3 == 0 ? "failed" : "ok")","name":"n\#(i % 17)","duration_ms":\#(i)\#(error)}"#
        }
        let text = lines.joined(separator: "\n") + "\n"
        let whole = try load(text)
        let pieces = try load(text, chunkSize: chunkSize)
        #expect(pieces.count == 400 && whole.count == 400)
        #expect(pieces.id.bytes == whole.id.bytes && pieces.error.bytes == whole.error.bytes)
        #expect((0..<400).map { pieces.error[$0] } == (1...400).map { $0 > 350 && $0 % 5 == 0 ? "boom \($0)" : "" })
        #expect(pieces.name.codes == whole.name.codes && pieces.name.entries == whole.name.entries)
        #expect(pieces.runID.entries == ["r0", "r1", "r2", "r3", "r4"] && pieces.status.entries == ["ok", "failed"])
        #expect(pieces.durationMs == whole.durationMs && pieces.data.count == 400 && pieces.output.isEmpty(at: 399))
    }
}

/// The room the assembler makes for the rest of a file, judged by its first chunk.
@Suite("the records a file is expected to hold")
struct ExpectedRecordsTests {
    @Test("the rest of a file is judged by the records of the part read, a little over")
    func estimate() {
        #expect(TableAssembler.expectedRecords(9_000, after: 100, in: 1_000) == 946)  // 900 × 1.05, and one more
        #expect(TableAssembler.expectedRecords(0, after: 100, in: 1_000) == 0)
        #expect(TableAssembler.expectedRecords(9_000, after: 0, in: 1_000) == 0)
        #expect(TableAssembler.expectedRecords(9_000, after: 100, in: 0) == 0)
    }
}
