import Support
import TaskModel

/// Draws a ``GanttChart`` onto a ``CairoSurface``: names on the left, time
/// across the top, a row per task. Every segment is at least
/// ``minimumSegmentWidth`` wide so an instant task still shows; a dashed line
/// spans the wait between attempts; the critical path is outlined in ink.
struct GanttRenderer {
    let chart: GanttChart

    static let labelStyle = TextStyle(size: 11, color: .ink)
    static let axisStyle = TextStyle(size: 11, color: .muted)
    static let noteStyle = TextStyle(size: 11, color: .muted)
    static let valueStyle = TextStyle(size: 11, color: .muted)
    static let minimumSegmentWidth = 2.0
    static let barHeight = 12.0
    static let maximumLabelCharacters = 28
    static let maximumLabelWidth = 220.0

    func draw(on surface: CairoSurface) {
        surface.text(chart.title, at: Point(x: 16, y: 28), style: BarChartRenderer.titleStyle)
        if let note = chart.note {
            surface.text(DisplayText.cut(note, to: 140), at: Point(x: 16, y: 46), style: Self.noteStyle)
        }
        drawLegend(on: surface, y: 66)

        let labels = chart.bars.map { DisplayText.cut($0.label, to: Self.maximumLabelCharacters) }
        let labelWidth = min(labels.map { surface.measure($0, style: Self.labelStyle) }.max() ?? 0, Self.maximumLabelWidth)
        let left = 16 + labelWidth + 10, right = surface.width - 56
        let top = GanttChart.headerHeight, bottom = top + Double(chart.bars.count) * GanttChart.rowHeight
        let end = max(chart.span.end, chart.span.start + 0.001)
        let x = { (t: Double) in left + (t - chart.span.start) / (end - chart.span.start) * (right - left) }

        let axis = TimeAxis(start: chart.span.start, end: end, count: max(2, Int((right - left) / 90)), clock: chart.clock)
        for tick in axis.ticks {
            surface.line(from: Point(x: x(tick), y: top - 4), to: Point(x: x(tick), y: bottom), color: .grid)
            surface.text(axis.label(tick), at: Point(x: x(tick), y: top - 8), style: Self.axisStyle, anchor: .middle)
        }
        for (row, bar) in chart.bars.enumerated() {
            let middle = top + (Double(row) + 0.5) * GanttChart.rowHeight
            surface.text(labels[row], at: Point(x: left - 10, y: middle + 4), style: Self.labelStyle, anchor: .end)
            drawBar(bar, on: surface, middle: middle, x: x)
            let duration = HumanFormat.duration(milliseconds: (bar.span.end - bar.span.start) * 1000)
            let after = max(x(bar.span.end), x(bar.span.start) + Self.minimumSegmentWidth) + 5
            if after + surface.measure(duration, style: Self.valueStyle) <= surface.width - 8 {
                surface.text(duration, at: Point(x: after, y: middle + 3.5), style: Self.valueStyle)
            }
        }
        surface.line(from: Point(x: left, y: top), to: Point(x: left, y: bottom), color: .axis)
    }

    /// A task's attempts, the waits between them, and its outline when it is on the critical path.
    private func drawBar(_ bar: GanttChart.Bar, on surface: CairoSurface, middle: Double, x: (Double) -> Double) {
        let y = middle - Self.barHeight / 2
        for (earlier, later) in zip(bar.attempts, bar.attempts.dropFirst()) {
            surface.line(from: Point(x: x(earlier.span.end), y: middle), to: Point(x: x(later.span.start), y: middle),
                         color: .axis, width: 1, dash: 3)
        }
        for attempt in bar.attempts {
            let width = max(x(attempt.span.end) - x(attempt.span.start), Self.minimumSegmentWidth)
            surface.fill(Rect(x: x(attempt.span.start), y: y, width: width, height: Self.barHeight), Self.color(attempt.kind))
        }
        if bar.outlined {
            let width = max(x(bar.span.end) - x(bar.span.start), Self.minimumSegmentWidth)
            surface.stroke(Rect(x: x(bar.span.start) - 2, y: y - 2, width: width + 4, height: Self.barHeight + 4),
                           .ink, width: 1.5)
        }
    }

    /// The statuses drawn, and the marks for the critical path and the wait between attempts.
    private func drawLegend(on surface: CairoSurface, y: Double) {
        var xPosition = 16.0
        let kinds = Set(chart.bars.flatMap { $0.attempts.map(\.kind) }).sorted()
        for kind in kinds {
            surface.fill(Rect(x: xPosition, y: y - 9, width: 10, height: 10), Self.color(kind))
            surface.text(kind.rawValue, at: Point(x: xPosition + 14, y: y), style: BarChartRenderer.legendStyle)
            xPosition += 14 + surface.measure(kind.rawValue, style: BarChartRenderer.legendStyle) + 16
        }
        if chart.bars.contains(where: \.outlined) {
            surface.stroke(Rect(x: xPosition, y: y - 10, width: 14, height: 12), .ink, width: 1.5)
            surface.text("critical path", at: Point(x: xPosition + 18, y: y), style: BarChartRenderer.legendStyle)
            xPosition += 18 + surface.measure("critical path", style: BarChartRenderer.legendStyle) + 16
        }
        if chart.bars.contains(where: { $0.attempts.count > 1 }) {
            surface.line(from: Point(x: xPosition, y: y - 4), to: Point(x: xPosition + 14, y: y - 4), color: .axis, dash: 3)
            surface.text("wait before a retry", at: Point(x: xPosition + 18, y: y), style: BarChartRenderer.legendStyle)
        }
    }

    static func color(_ kind: StatusKind) -> Color {
        Color.status(kind) ?? Color.others[0]
    }
}
