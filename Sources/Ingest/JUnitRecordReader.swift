import CTaskColumns

/// Reads JUnit XML, the test results every CI system and test runner writes: one record per
/// `<testcase>` (see `tc_junit_push` in `task_columns.h` for the fields each becomes). The input is
/// streamed through libxml2's SAX2 parser a block at a time, so memory stays bounded by one test
/// case whatever the size of the file. Corrupt XML, XML that is not JUnit and test cases that
/// break the record schema are named by their line.
struct JUnitRecordReader {
    /// Reads the rest of `file` after what `buffer` already holds.
    /// - Throws: ``IngestError/invalidRecord(input:line:record:message:)`` naming the line at fault.
    func read(from file: InputFile, buffer: PaddedBuffer, into builder: ColumnBuilder) throws(IngestError) {
        guard let reader = tc_junit_create(builder.table) else { fatalError("out of memory creating the JUnit reader") }
        defer { tc_junit_destroy(reader) }
        var error = tc_error()
        var last = false
        while true {
            let bytes = buffer.contents
            let status = tc_junit_push(reader, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count, last ? 1 : 0, &error)
            guard status == TC_OK else {
                let message = withUnsafeBytes(of: &error.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                throw .invalidRecord(input: file.name, line: max(error.line, 1), record: nil, message: message)
            }
            if last { return }
            buffer.count = 0
            last = try buffer.fill(from: file) == 0
        }
    }
}
