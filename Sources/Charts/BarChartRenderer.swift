import Foundation
import Support

/// Draws a ``BarChart`` onto a ``CairoSurface``.
///
/// Layout rules: category labels stay horizontal when they fit their slot,
/// otherwise they turn 45° and are shortened with an ellipsis, and only every
/// k-th is drawn when even turned they would touch. Every non-zero bar is at
/// least ``minimumBarHeight`` tall, and carries its value above it (turned
/// upright when the slot is narrow), so a bar that dwarfs the rest never
/// hides the small ones (adjacent bars, a series over time, go without values).
struct BarChartRenderer {
    let chart: BarChart

    static let titleStyle = TextStyle(size: 16, bold: true)
    static let labelStyle = TextStyle(size: 11, color: .muted)
    /// The smallest text of a chart is 11 px: shown at its drawn size, it reads as the page's small print does.
    static let valueStyle = TextStyle(size: 11, color: .ink)
    static let legendStyle = TextStyle(size: 11, color: .ink)
    static let markerStyle = TextStyle(size: 11, bold: true, color: .accent)
    static let minimumBarHeight = 2.0
    static let maximumLabelCharacters = 24
    static let maximumLegendCharacters = 32
    static let maximumLabelDepth = 110.0

    func draw(on surface: CairoSurface) {
        surface.text(chart.title, at: Point(x: 16, y: 28), style: Self.titleStyle)
        guard !chart.isEmpty else {
            surface.text(chart.emptyMessage, at: Point(x: surface.width / 2, y: surface.height / 2),
                         style: TextStyle(size: 14, color: .muted), anchor: .middle)
            return
        }
        let top = drawLegend(on: surface) + 8
        let totals = chart.totals

        // Horizontal room: value-axis labels on the left. The final axis reaches at
        // most twice the largest total (room for value labels), so measure that one.
        let widestAxis = ValueAxis(top: chart.valueAxisMaximum ?? (totals.max() ?? 1) * 2)
        let axisLabelWidth = widestAxis.ticks.map { surface.measure(ValueAxis.label($0), style: Self.labelStyle) }.max() ?? 0
        let left = 16 + axisLabelWidth + 8
        let right = surface.width - 20
        let slot = (right - left) / Double(chart.categories.count)

        // Vertical room: category labels (and their title) at the bottom.
        let categoryLabels = CategoryLabels(chart.categories, slot: slot, left: left, on: surface)
        let underTitle = [chart.categoryAxisTitle, chart.footnote].compactMap { $0 }.joined(separator: " · ")
        let bottom = surface.height - 10 - categoryLabels.depth - (underTitle.isEmpty ? 0 : 18)

        // Value labels above bars: exact where they fit across the slot (12,386), else short (12k) and upright
        // when even that does not fit. Adjacent bars read as steps against the axis; a number on each would crowd them.
        func labels(_ text: (Double) -> String) -> [String] { totals.map { $0 > 0 && !chart.adjacentBars ? text($0) : "" } }
        let exact = chart.valueLabels ?? labels(ValueAxis.exactLabel)
        let fitsAcross = exact.allSatisfy { surface.measure($0, style: Self.valueStyle) <= slot - 2 }
        let valueLabels = fitsAcross || chart.valueLabels != nil ? exact : labels(ValueAxis.label)
        let widestValue = valueLabels.map { surface.measure($0, style: Self.valueStyle) }.max() ?? 0
        let uprightValues = widestValue > slot - 2
        let reserve = uprightValues ? widestValue + 8 : Self.valueStyle.size + 8
        var plotHeight = bottom - top
        let usable = max(plotHeight - reserve, plotHeight / 2)
        let axis: ValueAxis
        if let fixed = chart.valueAxisMaximum {
            // A fixed top (100%) is the top of the bars; the labels above the tallest go in the room left over it.
            axis = ValueAxis(top: fixed)
            plotHeight = usable
        } else {
            axis = ValueAxis(top: (totals.max() ?? 1) * plotHeight / usable)
        }
        let y = { (value: Double) in bottom - value / axis.maximum * plotHeight }

        for tick in axis.ticks {
            surface.line(from: Point(x: left, y: y(tick)), to: Point(x: right, y: y(tick)), color: .grid)
            surface.text(ValueAxis.label(tick), at: Point(x: left - 8, y: y(tick) + 4), style: Self.labelStyle, anchor: .end)
        }
        surface.text(chart.valueAxisTitle, at: Point(x: 16, y: top - 8), style: Self.labelStyle)

        // Marker lines under the bars and their values, so that a dashed line never strikes through a number.
        drawMarkers(on: surface, left: left, right: right, slot: slot, top: top, bottom: bottom, labels: false)
        let barWidth = chart.adjacentBars ? slot : min(slot * 0.72, 64)
        for c in chart.categories.indices {
            let x = left + Double(c) * slot + (slot - barWidth) / 2
            var stackTop = bottom
            for series in chart.series where series.values[c] > 0 {
                let height = max(series.values[c] / axis.maximum * plotHeight, Self.minimumBarHeight)
                stackTop -= height
                surface.fill(Rect(x: x, y: stackTop, width: barWidth, height: height), series.color)
            }
            guard !valueLabels[c].isEmpty else { continue }
            let center = x + barWidth / 2
            let width = surface.measure(valueLabels[c], style: Self.valueStyle), height = Self.valueStyle.size + 2
            surface.fill(uprightValues
                ? Rect(x: center - height / 2, y: stackTop - 4 - width - 1, width: height, height: width + 2)
                : Rect(x: center - width / 2 - 1, y: stackTop - 4 - height + 2, width: width + 2, height: height), .white)
            if uprightValues {
                surface.text(valueLabels[c], at: Point(x: center + Self.valueStyle.size * 0.35, y: stackTop - 4),
                             style: Self.valueStyle, angle: -Double.pi / 2)
            } else {
                surface.text(valueLabels[c], at: Point(x: center, y: stackTop - 4), style: Self.valueStyle, anchor: .middle)
            }
        }
        surface.line(from: Point(x: left, y: bottom), to: Point(x: right, y: bottom), color: .axis)

        categoryLabels.draw(on: surface, left: left, slot: slot, baseline: bottom)
        if !underTitle.isEmpty {
            surface.text(underTitle, at: Point(x: (left + right) / 2, y: surface.height - 10), style: Self.labelStyle, anchor: .middle)
        }
        drawMarkers(on: surface, left: left, right: right, slot: slot, top: top, bottom: bottom, labels: true)
    }

    /// Legend entries in rows under the title; returns the y below the legend.
    private func drawLegend(on surface: CairoSurface) -> Double {
        guard chart.showsLegend else { return 48 }
        var x = 16.0, y = 46.0
        for series in chart.series {
            let name = DisplayText.cut(series.name, to: Self.maximumLegendCharacters)
            let width = 14 + surface.measure(name, style: Self.legendStyle) + 16
            if x + width > surface.width - 16, x > 16 {
                x = 16
                y += 18
            }
            surface.fill(Rect(x: x, y: y - 9, width: 10, height: 10), series.color)
            surface.text(name, at: Point(x: x + 14, y: y), style: Self.legendStyle)
            x += width
        }
        return y + 14
    }

    /// Dashed lines, or their labels stacked at the top so that close markers do not collide.
    private func drawMarkers(
        on surface: CairoSurface, left: Double, right: Double, slot: Double, top: Double, bottom: Double, labels: Bool
    ) {
        for (i, marker) in chart.markers.enumerated() {
            let x = left + marker.position * slot
            guard labels else {
                surface.line(from: Point(x: x, y: top), to: Point(x: x, y: bottom), color: .accent, width: 1.2, dash: 4)
                continue
            }
            let labelY = top + 12 + Double(i) * 14
            let width = surface.measure(marker.label, style: Self.markerStyle)
            let fitsRight = x + 4 + width <= right
            surface.text(marker.label, at: Point(x: fitsRight ? x + 4 : x - 4, y: labelY),
                         style: Self.markerStyle, anchor: fitsRight ? .start : .end)
        }
    }
}
