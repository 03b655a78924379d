import TaskModel

extension BarChart {
    /// The chart's numbers as a table, for readers who cannot see the bars: a
    /// row per category, a column per series (and the total, when stacked).
    public var dataTable: (headers: [String], rows: [[String]]) {
        let stacked = series.count > 1
        let headers = [categoryAxisTitle ?? "category"] + series.map(\.name) + (stacked ? ["total"] : [])
        let rows = categories.indices.map { c in
            [categories[c]] + series.map { Self.exact($0.values[c]) } + (stacked ? [Self.exact(totals[c])] : [])
        }
        return (headers, rows)
    }

    /// A value written in full: `1234`, `97.35`.
    static func exact(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String((value * 100).rounded() / 100)
    }
}
