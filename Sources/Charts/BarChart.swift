import Support

/// A bar chart, single or stacked, described independently of how it is drawn.
///
/// `series[s].values[c]` is the height of series `s` in category `c`; with
/// several series the bars stack in series order, bottom first.
public struct BarChart: Sendable, Equatable {
    /// One stacked layer: a name for the legend, a colour and a value per category.
    public struct Series: Sendable, Equatable {
        public var name: String
        public var color: Color
        public var values: [Double]

        /// Creates a series; `values` must have one entry per category.
        public init(name: String, color: Color, values: [Double]) {
            self.name = name
            self.color = color
            self.values = values
        }
    }

    /// A labelled vertical line at a position in category units: 0 is the left
    /// edge of the first bar's slot, `categories.count` the right edge of the last.
    public struct Marker: Sendable, Equatable {
        public var label: String
        public var position: Double

        public init(label: String, position: Double) {
            self.label = label
            self.position = position
        }
    }

    public var title: String
    public var categories: [String]
    public var series: [Series]
    /// What the values count, shown above the value axis ("tasks").
    public var valueAxisTitle: String
    /// What the categories are, shown under them.
    public var categoryAxisTitle: String?
    public var markers: [Marker]
    /// Shown instead of bars when there is nothing to draw.
    public var emptyMessage: String
    /// Whether to list the series above the plot; off when the category labels already name every colour.
    public var showsLegend: Bool
    /// Whether the bars fill their slots edge to edge, so that a series over time reads as steps.
    public var adjacentBars: Bool
    /// A note under the chart about what it leaves out (`not drawn: 240 other groups, …`), also read in its
    /// text alternative.
    public var footnote: String?
    /// The value axis's fixed top (100 for percentages); nil to fit the bars.
    public var valueAxisMaximum: Double?
    /// The label above each category's bar, when the numbers alone would not say it (`75%`, `n/a`); nil for the
    /// bars' totals, exact where there is room.
    public var valueLabels: [String]?

    /// Creates a chart; every series must have one value per category.
    public init(
        title: String, categories: [String], series: [Series], valueAxisTitle: String = "tasks",
        categoryAxisTitle: String? = nil, markers: [Marker] = [], emptyMessage: String = "No records",
        showsLegend: Bool? = nil, adjacentBars: Bool = false, valueAxisMaximum: Double? = nil, valueLabels: [String]? = nil
    ) {
        precondition(valueLabels.map { $0.count == categories.count } ?? true, "one value label per category")
        precondition(series.allSatisfy { $0.values.count == categories.count }, "one value per category in every series")
        self.title = title
        // Names come from the data: no longer than anything that shows them needs.
        self.categories = categories.map { DisplayText.line($0) }
        self.series = series.map { Series(name: DisplayText.line($0.name), color: $0.color, values: $0.values) }
        self.valueAxisTitle = valueAxisTitle
        self.categoryAxisTitle = categoryAxisTitle
        self.markers = markers
        self.emptyMessage = emptyMessage
        self.showsLegend = showsLegend ?? (series.count > 1)
        self.adjacentBars = adjacentBars
        self.valueAxisMaximum = valueAxisMaximum
        self.valueLabels = valueLabels
    }

    /// The height of each category's stack.
    public var totals: [Double] {
        categories.indices.map { c in series.reduce(0) { $0 + $1.values[c] } }
    }

    /// Whether there are no bars of any height to draw.
    public var isEmpty: Bool { totals.allSatisfy { $0 <= 0 } }

    /// Names in the text alternative are cut to this many scalars: it is read aloud, and its table has the rest.
    static let alternativeNameLimit = 60

    /// A plain-text account of the chart for readers who cannot see it: each
    /// category with its total, and for stacked bars the layers' names (the
    /// numbers table beside the chart has every layer's value).
    public var textAlternative: String {
        guard !isEmpty else { return "\(title): \(emptyMessage)." }
        func short(_ name: String) -> String { DisplayText.cut(name, to: Self.alternativeNameLimit) }
        let totals = self.totals
        var lines = categories.indices.map { c in "\(short(categories[c])): \(valueLabels?[c] ?? ValueAxis.exactLabel(totals[c]))" }
        if series.count > 1 {
            lines.append("stacked by " + series.map { short($0.name) }.joined(separator: ", "))
        }
        return "\(title). " + (lines + markers.map(\.label) + [footnote].compactMap { $0 }).joined(separator: "; ") + "."
    }
}
