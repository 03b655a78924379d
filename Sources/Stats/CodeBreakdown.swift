import TaskModel

/// The figures of each value of a dictionary column (a group, a run): how many
/// records of each status, the success rate, and duration percentiles.
struct CodeBreakdown {
    /// Counts in the display order of the statuses.
    let counts: [Int]
    let total: Int
    let successRate: Double?
    /// One per quantile asked for; nil where the value has no durations.
    let percentiles: [Double?]

    /// One breakdown per dictionary code of `column`, in code order.
    static func of(_ column: DictionaryColumn, in table: TaskTable, statuses: StatusOrder, quantiles: [Double]) -> [CodeBreakdown] {
        let codeCount = column.entries.count
        let statusCount = table.status.entries.count
        let pairs = StatsKernel.countPairs(column.codes, table.status.codes, aCount: codeCount, bCount: statusCount)
        let (durations, offsets) = StatsKernel.partition(table.durationMs, by: column.codes, codeCount: codeCount)
        return (0..<codeCount).map { code in
            let counts = statuses.reorder(pairs[(code * statusCount)..<((code + 1) * statusCount)].map { Int($0) })
            var values = Array(durations[offsets[code]..<offsets[code + 1]])
            let figures = StatsKernel.percentiles(&values, quantiles: quantiles)
            return CodeBreakdown(
                counts: counts, total: counts.reduce(0, +), successRate: statuses.successRate(of: counts),
                percentiles: figures.map { $0.isNaN ? nil : $0 })
        }
    }
}
