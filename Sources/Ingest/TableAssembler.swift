import CTaskColumns
import TaskModel

/// Joins the parts that inputs are parsed into, in order, into one
/// ``TaskModel/TaskTable``, a part at a time as the readers finish them.
///
/// Each part has dictionary codes of its own; the assembler maps them onto
/// one dictionary per column (entries in order of first appearance across
/// parts). Readers hand over each piece of an input as soon as it is parsed
/// and then drop or clear it, so what is held while reading is the table so
/// far and one piece, not every piece and then the table again.
struct TableAssembler {
    private var columns = TableColumns()
    /// The fields whose sources (`--field`) some part's records held.
    private(set) var seenSources: Set<RecordField> = []

    /// Copies the records of `part` after those appended so far.
    mutating func append(_ part: ColumnBuilder) {
        columns.append(part)
        for field in RecordField.allCases where part.sawSource(of: field) { seenSources.insert(field) }
    }

    /// The number of records appended so far.
    var count: Int { columns.durationMs.count }

    /// Makes room for the records the rest of `file` holds, judging by the `records` its first `parsed`
    /// bytes held, so that the columns do not grow by doubling (a copy of each column, and fresh pages to
    /// fault in, each time). Room that is never filled is address space only: the pages are not touched.
    /// Nothing for an input of unknown size (standard input, a pipe).
    mutating func reserve(forRestOf file: InputFile, afterParsing parsed: Int, thatHeld records: Int) {
        guard let size = file.size else { return }
        columns.reserve(count + Self.expectedRecords(size - parsed, after: records, in: parsed))
    }

    /// How many records `bytes` more bytes of an input will hold, judging by the `records` that its
    /// first `parsed` bytes held; a little more than that, so that the estimate is seldom short.
    static func expectedRecords(_ bytes: Int, after records: Int, in parsed: Int) -> Int {
        guard parsed > 0, records > 0, bytes > 0 else { return 0 }
        return Int(Double(bytes) / Double(parsed) * Double(records) * 1.05) + 1
    }

    /// Every record appended, as one table; the dictionaries' own copies of their entries go with the assembler.
    consuming func finish() -> TaskTable { columns.finished }
}

/// The columns being filled, with the global dictionaries.
private struct TableColumns {
    var startedAt: [Double] = [], finishedAt: [Double] = [], durationMs: [Double] = []
    var exitCode: [Int32] = [], attempts: [Int32] = []
    let dictionaries = (0..<4).map { _ in GlobalDictionary() }
    var texts = [TextColumn](repeating: TextColumn(), count: 4)

    mutating func reserve(_ capacity: Int) {
        guard capacity > durationMs.capacity else { return }
        startedAt.reserveCapacity(capacity)
        finishedAt.reserveCapacity(capacity)
        durationMs.reserveCapacity(capacity)
        exitCode.reserveCapacity(capacity)
        attempts.reserveCapacity(capacity)
        for dictionary in dictionaries { dictionary.codes.reserveCapacity(capacity) }
        for i in texts.indices { texts[i].reserveCapacity(capacity) }
    }

    mutating func append(_ part: ColumnBuilder) {
        let table = part.table
        let n = part.count
        startedAt += UnsafeBufferPointer(start: tc_table_started_at(table), count: n)
        finishedAt += UnsafeBufferPointer(start: tc_table_finished_at(table), count: n)
        durationMs += UnsafeBufferPointer(start: tc_table_duration_ms(table), count: n)
        exitCode += UnsafeBufferPointer(start: tc_table_exit_code(table), count: n)
        attempts += UnsafeBufferPointer(start: tc_table_attempts(table), count: n)
        for (i, column) in [TC_STATUS, TC_NAME, TC_GROUP, TC_RUN_ID].enumerated() {
            dictionaries[i].append(table, column, count: n)
        }
        for (i, column) in [TC_ID, TC_ERROR, TC_DATA, TC_OUTPUT].enumerated() {
            var byteCount = 0
            let bytes = tc_table_text_bytes(table, column, &byteCount)
            texts[i].append(bytes: UnsafeRawBufferPointer(start: bytes, count: byteCount),
                            offsets: UnsafeBufferPointer(start: tc_table_text_offsets(table, column), count: n + 1))
        }
    }

    var finished: TaskTable {
        TaskTable(
            id: texts[0], status: dictionaries[0].column, name: dictionaries[1].column,
            group: dictionaries[2].column, runID: dictionaries[3].column, startedAt: startedAt,
            finishedAt: finishedAt, durationMs: durationMs, exitCode: exitCode, attempts: attempts,
            error: texts[1], data: texts[2], output: texts[3])
    }
}

/// One dictionary-encoded column across parts. The entries are kept by the
/// C++ dictionary, which finds a part's entries by a stored hash (Swift's
/// `Dictionary` compared each probed key's text: with 100k distinct names in
/// JUnit XML, that was a fifth of reading it); they become Strings once, at the end.
private final class GlobalDictionary {
    var codes: [Int32] = []
    private let dictionary: OpaquePointer

    init() {
        guard let dictionary = tc_dictionary_create() else { fatalError("out of memory creating a dictionary") }
        self.dictionary = dictionary
    }

    deinit {
        tc_dictionary_destroy(dictionary)
    }

    /// Appends a part's codes, mapped onto this dictionary's entries.
    func append(_ table: OpaquePointer, _ column: tc_dictionary_column, count: Int) {
        var local = [Int32](repeating: 0, count: tc_table_dictionary_size(table, column))
        guard tc_dictionary_merge(dictionary, table, column, &local) != 0 else { fatalError("out of memory merging a dictionary") }
        codes += UnsafeBufferPointer(start: tc_table_codes(table, column), count: count).lazy.map { local[Int($0)] }
    }

    var column: DictionaryColumn {
        let entries = (0..<tc_dictionary_size(dictionary)).map { code in
            let entry = tc_dictionary_entry(dictionary, code)
            return String(decoding: UnsafeRawBufferPointer(start: entry.ptr, count: entry.len), as: UTF8.self)
        }
        return DictionaryColumn(codes: codes, entries: entries)
    }
}
