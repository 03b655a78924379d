import CTaskColumns

/// Reads JUnit XML, the test results every CI system and test runner writes: one record per
/// `<testcase>` (see `tc_junit_push` in `task_columns.h` for the fields each becomes). The input is
/// streamed through libxml2's SAX2 parser a block at a time, so memory stays bounded by one test
/// case whatever the size of the file. Corrupt XML, XML that is not JUnit and test cases that
/// break the record schema are named by their line.
struct JUnitRecordReader {
    /// Bytes handed to libxml2 at a time. It copies each piece into a buffer of its own, and the test
    /// cases of a piece are held until the piece is parsed, so the piece bounds both.
    static let pieceSize = 1 << 20

    /// Reads the rest of `file` after what `buffer` already holds.
    /// - Throws: ``IngestError/invalidRecord(input:line:record:message:)`` naming the line at fault.
    func read(from file: InputFile, buffer: PaddedBuffer, into assembler: inout TableAssembler) throws(IngestError) {
        let builder = ColumnBuilder()
        guard let reader = tc_junit_create(builder.table) else { fatalError("out of memory creating the JUnit reader") }
        defer { tc_junit_destroy(reader) }
        var last = false
        var firstPiece = true
        while true {
            let contents = buffer.contents
            var start = 0
            repeat {  // at least once: the end of the input is pushed even when nothing is left
                let end = min(start + Self.pieceSize, contents.count)
                let piece = UnsafeRawBufferPointer(rebasing: contents[start..<end])
                try builder.appendJUnit(piece, through: reader, last: last && end == contents.count, input: file.name)
                if firstPiece, end > 0 {  // the first piece tells how many test cases the file holds
                    assembler.reserve(forRestOf: file, afterParsing: end, thatHeld: builder.count)
                    firstPiece = false
                }
                assembler.append(builder)
                builder.removeAll()
                start = end
            } while start < contents.count
            if last { return }
            buffer.count = 0
            last = try buffer.fill(from: file) == 0
        }
    }
}
