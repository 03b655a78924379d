import TaskModel

/// The rows of a table grouped by run id, in input order within each run.
///
/// Held as one list of 32-bit row numbers, run after run: 4 bytes a record. A list of `Int`s per run was
/// 8, and up to twice that while the lists grew; at 1M records that was most of what the statistics
/// added to the table.
struct RunRows {
    /// Every row, run after run: run `code`'s rows are `grouped[starts[code]..<starts[code + 1]]`.
    private let grouped: [Int32]
    private let starts: [Int]

    /// Groups the rows of `table` by its run-id dictionary codes.
    init(_ table: TaskTable) {
        precondition(table.count <= Int(Int32.max), "row numbers are kept in 32 bits")
        let codes = table.runID.codes
        var starts = [Int](repeating: 0, count: table.runID.entries.count + 1)
        for code in codes { starts[Int(code) + 1] += 1 }
        for code in starts.indices.dropFirst() { starts[code] += starts[code - 1] }
        var next = starts
        grouped = [Int32](unsafeUninitializedCapacity: codes.count) { buffer, initialized in
            for (row, code) in codes.enumerated() {
                buffer[next[Int(code)]] = Int32(row)
                next[Int(code)] += 1
            }
            initialized = codes.count
        }
        self.starts = starts
    }

    /// The rows whose run id has dictionary code `code`, in input order.
    subscript(code: Int) -> ArraySlice<Int32> {
        grouped[starts[code]..<starts[code + 1]]
    }

    /// How many rows have run-id code `code`.
    func count(of code: Int) -> Int {
        starts[code + 1] - starts[code]
    }

    /// The first row with run-id code `code`; nil when none has it.
    func first(of code: Int) -> Int? {
        count(of: code) == 0 ? nil : Int(grouped[starts[code]])
    }
}
