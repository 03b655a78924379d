
extension BarChart {
    /// The chart's numbers as a table, for readers who cannot see the bars: a
    /// row per category, a column per series and the total when the bars stack
    /// layers the legend names; otherwise one column of values.
    public var dataTable: (headers: [String], rows: [[String]]) {
        let layered = series.count > 1 && showsLegend
        let headers = [categoryAxisTitle ?? "category"] + (layered ? series.map(\.name) + ["total"] : [valueAxisTitle])
        let totals = self.totals  // once, not once per row
        let rows = categories.indices.map { c in
            [categories[c]] + (layered ? series.map { Self.exact($0.values[c]) } : []) + [valueLabels?[c] ?? Self.exact(totals[c])]
        }
        return (headers, rows)
    }

    /// A value written in full: `1234`, `97.35`.
    static func exact(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String((value * 100).rounded() / 100)
    }
}
