import Charts
import Foundation

extension ReportPage {
    /// A figure per chart of the document, in page order: linked files, or inline for a single-file page.
    static func figures(
        _ document: ReportDocument, inline: [(kind: ChartKind, rendered: RenderedChart)]?
    ) -> [(kind: ChartKind, figure: Figure)] {
        document.charts.enumerated().map { index, entry in
            let (kind, chart) = entry
            let rendered = inline?[index].rendered
            let (headers, rows) = chart.dataTable
            let markers = chart.markerLabels.joined(separator: ", ")
            return (kind, Figure(
                name: HTMLText(kind.rawValue), title: HTMLText(chart.title),
                svg: HTMLText(ChartExporter.path(kind, extension: "svg")), png: HTMLText(ChartExporter.path(kind, extension: "png")),
                alt: HTMLText(chart.textAlternative), width: Int(chart.size.width), height: Int(chart.size.height),
                inline: rendered != nil, inlineSVG: HTMLText(markup: rendered.map { inlineMarkup($0.svg) } ?? ""),
                pngDataURI: HTMLText(rendered.map { "data:image/png;base64," + Data($0.png).base64EncodedString() } ?? ""),
                tableHeaders: headers.map(HTMLText.label),
                tableRows: rows.map { row in FigureRow(label: .label(row[0]), cells: row.dropFirst().map { HTMLText($0) }) },
                markerNote: HTMLText(markers.isEmpty ? "" : "Marked: \(markers)."), hasMarkerNote: !markers.isEmpty))
        }
    }

    /// An SVG document as markup to place inside HTML: from its `<svg` element on, without the XML declaration.
    static func inlineMarkup(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return svg }
        return String(svg[start.lowerBound...])
    }
}
