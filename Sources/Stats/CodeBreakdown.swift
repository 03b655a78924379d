import TaskModel

/// The figures of each value of a dictionary column (a group, a run): how many
/// records of each status, the success rate, and duration percentiles.
struct CodeBreakdown {
    /// Records per status label; labels without records are absent.
    let counts: [String: Int]
    let total: Int
    let successRate: Double?
    /// One per quantile asked for; nil where the value has no durations.
    let percentiles: [Double?]

    /// One breakdown per dictionary code of `column`, in code order.
    /// - Parameter rows: `rows[code]`, the rows of each code, when the caller has them (a table's runs): each
    ///   code's durations are then gathered from its rows in turn, rather than all partitioned at once into a
    ///   copy of every duration (8 MB at 1M records, held beside the rows).
    static func of(
        _ column: DictionaryColumn, in table: TaskTable, statuses: StatusOrder, quantiles: [Double], rows: RunRows? = nil
    ) -> [CodeBreakdown] {
        let codeCount = column.entries.count
        let pairs = PairCounts.count(
            first: column.codes, second: table.status.codes, firstCount: codeCount,
            secondCount: table.status.entries.count)
        // The percentiles of each code's known durations: gathered from its rows when the caller has them
        // grouped, else from one partition of every duration by code.
        let percentiles: [[Double]]
        if let rows {
            percentiles = (0..<codeCount).map { code in
                var values = rows[code].map { table.durationMs[Int($0)] }.filter { !$0.isNaN }
                return StatsKernel.percentiles(&values, quantiles: quantiles)
            }
        } else {
            percentiles = StatsKernel.percentiles(of: table.durationMs, by: column.codes, codeCount: codeCount, quantiles: quantiles)
        }
        return (0..<codeCount).map { code in
            let figures = percentiles[code]
            return CodeBreakdown(
                counts: statuses.tally(pairs[code]), total: pairs[code].reduce(0) { $0 + $1.count },
                successRate: statuses.successRate(of: pairs[code]), percentiles: figures.map { $0.isNaN ? nil : $0 })
        }
    }
}
