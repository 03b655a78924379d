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
            let markers = chart.markers.map(\.label).joined(separator: ", ")
            return (kind, Figure(
                name: kind.rawValue, title: chart.title,
                svg: ChartExporter.path(kind, extension: "svg"), png: ChartExporter.path(kind, extension: "png"),
                alt: chart.textAlternative, width: Int(ChartRenderer.width), height: Int(ChartRenderer.height),
                inline: rendered != nil, inlineSVG: rendered.map { inlineMarkup($0.svg) } ?? "",
                pngDataURI: rendered.map { "data:image/png;base64," + Data($0.png).base64EncodedString() } ?? "",
                tableHeaders: headers, tableRows: rows.map { FigureRow(label: $0[0], cells: Array($0.dropFirst())) },
                markerNote: markers.isEmpty ? "" : "Marked: \(markers).", hasMarkerNote: !markers.isEmpty))
        }
    }

    /// An SVG document as markup to place inside HTML: from its `<svg` element on, without the XML declaration.
    static func inlineMarkup(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return svg }
        return String(svg[start.lowerBound...])
    }
}
