import TaskModel

/// The rows of a table grouped by run id.
enum RunRows {
    /// `rows[code]` lists, in input order, the rows whose run id has dictionary code `code`.
    static func of(_ table: TaskTable) -> [[Int]] {
        var rows = [[Int]](repeating: [], count: table.runID.entries.count)
        for (row, code) in table.runID.codes.enumerated() {
            rows[Int(code)].append(row)
        }
        return rows
    }
}
