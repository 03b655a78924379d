import CTaskColumns

/// Reads JUnit XML, the test results every CI system and test runner writes: one record per
/// `<testcase>` (see `tc_junit_push` in `task_columns.h` for the fields each becomes). The input is
/// streamed through libxml2's SAX2 parser a block at a time, so memory stays bounded by one test
/// case whatever the size of the file. Corrupt XML, XML that is not JUnit and test cases that
/// break the record schema are named by their line.
struct JUnitRecordReader {
    /// Reads the rest of `file` after what `buffer` already holds.
    /// - Throws: ``IngestError/invalidRecord(input:line:record:message:)`` naming the line at fault.
    func read(from file: InputFile, buffer: PaddedBuffer, into assembler: inout TableAssembler) throws(IngestError) {
        let builder = ColumnBuilder()
        guard let reader = tc_junit_create(builder.table) else { fatalError("out of memory creating the JUnit reader") }
        defer { tc_junit_destroy(reader) }
        var last = false
        while true {
            try builder.appendJUnit(buffer.contents, through: reader, last: last, input: file.name)
            assembler.append(builder)
            builder.removeAll()
            if last { return }
            buffer.count = 0
            last = try buffer.fill(from: file) == 0
        }
    }
}
