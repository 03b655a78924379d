import CTaskColumns
import TaskModel

/// Concatenates the parts that inputs were parsed into, in order, into one
/// ``TaskModel/TaskTable``.
///
/// Each part has dictionary codes of its own; the assembler maps them onto
/// one dictionary per column (entries in order of first appearance across
/// parts). A part's memory is released as soon as it has been copied, so the
/// peak stays near one table's size rather than two.
enum TableAssembler {
    static func assemble(_ parts: [ColumnBuilder]) -> TaskTable {
        var parts = parts
        let total = parts.reduce(0) { $0 + $1.count }
        var table = TableColumns(capacity: total)
        while !parts.isEmpty {
            table.append(parts.removeFirst())  // the part is freed at the end of this iteration
        }
        return table.finished
    }
}

/// The columns being filled, with the global dictionaries.
private struct TableColumns {
    var startedAt: [Double] = [], finishedAt: [Double] = [], durationMs: [Double] = []
    var exitCode: [Int32] = [], attempts: [Int32] = []
    var dictionaries = [GlobalDictionary](repeating: GlobalDictionary(), count: 4)
    var texts = [TextColumn](repeating: TextColumn(), count: 4)

    init(capacity: Int) {
        for i in texts.indices { texts[i].offsets.reserveCapacity(capacity + 1) }
        startedAt.reserveCapacity(capacity)
        finishedAt.reserveCapacity(capacity)
        durationMs.reserveCapacity(capacity)
        exitCode.reserveCapacity(capacity)
        attempts.reserveCapacity(capacity)
        for i in 0..<4 { dictionaries[i].codes.reserveCapacity(capacity) }
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
            let base = UInt64(texts[i].bytes.count)
            texts[i].bytes += UnsafeRawBufferPointer(start: bytes, count: byteCount)
            let offsets = UnsafeBufferPointer(start: tc_table_text_offsets(table, column), count: n + 1)
            texts[i].offsets += offsets.dropFirst().lazy.map { $0 + base }
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

/// One dictionary-encoded column across parts.
private struct GlobalDictionary {
    var codes: [Int32] = []
    var entries: [String] = []
    var index: [String: Int32] = [:]

    /// Appends a part's codes, mapped onto this dictionary's entries.
    mutating func append(_ table: OpaquePointer, _ column: tc_dictionary_column, count: Int) {
        let local = (0..<tc_table_dictionary_size(table, column)).map { code -> Int32 in
            let entry = tc_table_dictionary_entry(table, column, code)
            let text = String(decoding: UnsafeRawBufferPointer(start: entry.ptr, count: entry.len), as: UTF8.self)
            if let global = index[text] { return global }
            let global = Int32(entries.count)
            entries.append(text)
            index[text] = global
            return global
        }
        codes += UnsafeBufferPointer(start: tc_table_codes(table, column), count: count).lazy.map { local[Int($0)] }
    }

    var column: DictionaryColumn { DictionaryColumn(codes: codes, entries: entries) }
}
