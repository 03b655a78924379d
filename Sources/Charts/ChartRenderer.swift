/// A chart drawn in both formats.
public struct RenderedChart: Sendable {
    /// PNG bytes, drawn at ``ChartRenderer/pngScale`` for sharp screens.
    public let png: [UInt8]
    /// SVG document text: stable ids prefixed with the chart's name, an escaped title and description.
    public let svg: String

    /// Pairs the two drawings of one chart.
    public init(png: [UInt8], svg: String) {
        self.png = png
        self.svg = svg
    }
}

/// Draws charts to PNG and SVG with the same layout.
///
/// The same chart and name always give byte-identical SVG.
public struct ChartRenderer: Sendable {
    /// Logical size of every bar chart, in CSS pixels (a Gantt chart is as tall as it needs).
    public static let width = 800.0
    public static let height = 420.0
    /// Device pixels per logical pixel in PNGs.
    public static let pngScale = 2.0

    /// PNG surfaces' pixels, reused from chart to chart (also across the threads drawing them).
    let memory = PixelMemory()

    public init() {}

    /// Draws `chart` as PNG and SVG.
    /// - Parameters:
    ///   - chart: What to draw.
    ///   - name: A short name unique within a page (e.g. "status"), prefixed to SVG ids.
    public func render(_ chart: Chart, name: String) -> RenderedChart {
        RenderedChart(png: png(chart), svg: svg(chart, name: name))
    }

    /// The chart as PNG bytes.
    public func png(_ chart: Chart) -> [UInt8] {
        let surface = CairoSurface(
            kind: .png(scale: Self.pngScale), width: chart.size.width, height: chart.size.height, memory: memory)
        draw(chart, on: surface)
        return surface.pngBytes()
    }

    /// The chart as an SVG document.
    public func svg(_ chart: Chart, name: String) -> String {
        let surface = CairoSurface(kind: .svg, width: chart.size.width, height: chart.size.height)
        draw(chart, on: surface)
        return SVGFinisher(prefix: name, title: chart.title, description: chart.textAlternative).finish(surface.svgText())
    }

    private func draw(_ chart: Chart, on surface: CairoSurface) {
        switch chart {
        case .bars(let bars): BarChartRenderer(chart: bars).draw(on: surface)
        case .gantt(let gantt): GanttRenderer(chart: gantt).draw(on: surface)
        }
    }
}
