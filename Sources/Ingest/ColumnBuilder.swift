import CTaskColumns
import TaskModel

/// One part of the records, parsed into a C++ `tc_table`, which validates each
/// record and dictionary-encodes it as it arrives, so that every input format
/// obeys one set of rules. ``TableAssembler`` joins the parts. Used by one
/// thread at a time.
final class ColumnBuilder {
    let table: OpaquePointer

    /// The padding the JSON parser needs after any text it is given.
    static let jsonPadding = Int(TC_JSON_PADDING)

    /// A builder whose JSON records read each field from `sources` (`--field`), or from its own name.
    init(sources: FieldSources = FieldSources()) {
        guard let table = tc_table_create() else { fatalError("out of memory creating the task table") }
        self.table = table
        for (field, source) in sources.byField {
            Array(source.utf8).withUnsafeBufferPointer { bytes in
                tc_table_set_source(table, tc_field(UInt32(field.rawValue)), UnsafeRawPointer(bytes.baseAddress)?
                    .assumingMemoryBound(to: CChar.self), bytes.count)
            }
        }
    }

    /// Whether a record appended so far held the source of `field` (`--field`).
    func sawSource(of field: RecordField) -> Bool {
        tc_table_source_seen(table, tc_field(UInt32(field.rawValue))) != 0
    }

    /// Records that the source of `field` was found, by a reader that is not the JSON one (a CSV header).
    func markSourceSeen(_ field: RecordField) {
        tc_table_mark_source_seen(table, tc_field(UInt32(field.rawValue)))
    }

    deinit {
        tc_table_destroy(table)
    }

    /// The number of records appended so far.
    var count: Int { tc_table_count(table) }

    /// Forgets the records appended so far (once copied out), keeping the sources and which were seen.
    func removeAll() {
        tc_table_clear(table)
    }

    /// Parses complete JSON Lines in `text`, whose first line is `firstLine`.
    /// - Returns: The number of the line after the text.
    /// - Throws: ``IngestError/invalidRecord(input:line:record:message:)`` naming the line at fault.
    func appendJSONLines(_ text: UnsafeRawBufferPointer, firstLine: Int, input: String) throws(IngestError) -> Int {
        var error = tc_error()
        var nextLine = 0
        let status = tc_table_append_json_lines(
            table, text.baseAddress?.assumingMemoryBound(to: CChar.self), text.count, firstLine, &nextLine, &error)
        guard status == TC_OK else {
            throw .invalidRecord(input: input, line: error.line, record: nil, message: Self.message(of: &error))
        }
        return nextLine
    }

    /// Parses the whole elements of a piece of a JSON array through `reader` (`tc_json_array_reader_push`),
    /// `last` when the piece reaches the end of the input.
    /// - Returns: The bytes used; the rest begins an element not yet whole.
    /// - Throws: ``IngestError/invalidRecord(input:line:record:message:)`` naming the record and its line.
    func appendJSONArray(_ text: UnsafeRawBufferPointer, through reader: OpaquePointer, last: Bool, input: String)
        throws(IngestError) -> Int {
        var error = tc_error()
        var consumed = 0
        let status = tc_json_array_reader_push(
            reader, text.baseAddress?.assumingMemoryBound(to: CChar.self), text.count, last ? 1 : 0, &consumed, &error)
        guard status == TC_OK else {
            let record = error.record > 0 ? error.record : nil
            throw .invalidRecord(input: input, line: error.line, record: record, message: Self.message(of: &error))
        }
        return consumed
    }

    /// Parses the next piece of a JUnit XML document through `reader` (`tc_junit_push`), `last` when the
    /// piece reaches the end of the input.
    /// - Throws: ``IngestError/invalidRecord(input:line:record:message:)`` naming the line at fault.
    func appendJUnit(_ text: UnsafeRawBufferPointer, through reader: OpaquePointer, last: Bool, input: String)
        throws(IngestError) {
        var error = tc_error()
        let status = tc_junit_push(reader, text.baseAddress?.assumingMemoryBound(to: CChar.self), text.count, last ? 1 : 0, &error)
        guard status == TC_OK else {
            throw .invalidRecord(input: input, line: max(error.line, 1), record: nil, message: Self.message(of: &error))
        }
    }

    /// Parses a JSON document and appends the records of the array at `path` (dotted: `data.items`).
    /// - Throws: ``IngestError/invalidRecord(input:line:record:message:)`` naming the path, or the record and its line.
    func appendJSON(_ text: UnsafeRawBufferPointer, recordsAt path: String, input: String) throws(IngestError) {
        var error = tc_error()
        let status = Array(path.utf8).withUnsafeBufferPointer { path in
            tc_table_append_json_records_at(
                table, text.baseAddress?.assumingMemoryBound(to: CChar.self), text.count,
                UnsafeRawPointer(path.baseAddress)?.assumingMemoryBound(to: CChar.self), path.count, &error)
        }
        guard status == TC_OK else {
            let record = error.record > 0 ? error.record : nil
            throw .invalidRecord(input: input, line: error.line, record: record, message: Self.message(of: &error))
        }
    }

    /// The names of the array fields of `text`, when it is one JSON object (where records may be); nil otherwise.
    static func arrayFields(of text: UnsafeRawBufferPointer) -> (names: [String], count: Int)? {
        var names = [CChar](repeating: 0, count: 512)
        let count = tc_json_array_fields(text.baseAddress?.assumingMemoryBound(to: CChar.self), text.count, &names, names.count)
        guard count >= 0 else { return nil }
        let listed = String(decoding: names.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return (listed.isEmpty ? [] : listed.split(separator: ",").map(String.init), count)
    }

    /// Appends one record from a non-JSON reader.
    /// - Returns: `nil` on success, or the field at fault (if any) and the message.
    func append(_ record: inout tc_record) -> (field: String?, message: String)? {
        var error = tc_error()
        guard tc_table_append(table, &record, &error) != TC_OK else { return nil }
        let field = withUnsafeBytes(of: &error.field) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return (field.isEmpty ? nil : field, Self.message(of: &error))
    }

    private static func message(of error: inout tc_error) -> String {
        withUnsafeBytes(of: &error.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }
}
