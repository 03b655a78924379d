extension TaskTable {
    /// The records at `rows`, in that order, as a table of their own. Dictionaries
    /// keep every entry, so codes mean the same in both tables.
    public func selecting(_ rows: [Int]) -> TaskTable {
        func pick<T>(_ column: [T]) -> [T] { rows.map { column[$0] } }
        func pick(_ column: DictionaryColumn) -> DictionaryColumn {
            DictionaryColumn(codes: pick(column.codes), entries: column.entries)
        }
        func pick(_ column: TextColumn) -> TextColumn {
            // Most records have no error, data or output: such a column is picked without a look at any row.
            guard !column.bytes.isEmpty else { return TextColumn(emptyCount: rows.count) }
            var offsets: [UInt64] = [0]
            offsets.reserveCapacity(rows.count + 1)
            for row in rows { offsets.append(offsets[offsets.count - 1] + UInt64(column.byteRange(at: row).count)) }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(Int(offsets[offsets.count - 1]))
            column.bytes.withUnsafeBufferPointer { source in
                for row in rows { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[column.byteRange(at: row)])) }
            }
            return TextColumn(bytes: bytes, offsets: offsets)
        }
        return TaskTable(
            id: pick(id), status: pick(status), name: pick(name), group: pick(group), runID: pick(runID),
            startedAt: pick(startedAt), finishedAt: pick(finishedAt), durationMs: pick(durationMs),
            exitCode: pick(exitCode), attempts: pick(attempts), error: pick(error), data: pick(data), output: pick(output))
    }
}

extension TaskTable {
    /// The rows whose run id is `run`, in order; every row when `run` is nil, none when no record has it.
    public func rows(ofRun run: String?) -> [Int] {
        guard let run else { return Array(0..<count) }
        guard let code = runID.entries.firstIndex(of: run).map(Int32.init) else { return [] }
        return runID.codes.indices.filter { runID.codes[$0] == code }
    }
}
