import Charts

/// `charts/NAME.png` and `charts/NAME.svg` for every chart kind.
public struct ChartExporter: ReportExporter {
    /// Creates the exporter.
    public init() {}

    /// The relative path of a chart file.
    public static func path(_ kind: ChartKind, extension ext: String) -> String {
        "charts/\(kind.rawValue).\(ext)"
    }

    public func files(for document: ReportDocument) -> [ReportFile] {
        let renderer = ChartRenderer()
        return document.charts.flatMap { kind, chart in
            let chart = renderer.render(chart, name: kind.rawValue)
            return [
                ReportFile(path: Self.path(kind, extension: "png"), bytes: chart.png),
                ReportFile(path: Self.path(kind, extension: "svg"), text: chart.svg),
            ]
        }
    }
}
