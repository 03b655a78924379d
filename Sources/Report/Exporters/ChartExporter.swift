import Charts
import Dispatch
import Support

/// `charts/NAME.png` and `charts/NAME.svg` for every chart of the document.
public struct ChartExporter: ReportExporter {
    public init() {}

    /// The relative path of a chart file.
    public static func path(_ kind: ChartKind, extension ext: String) -> String {
        "charts/\(kind.rawValue).\(ext)"
    }

    public func files(for document: ReportDocument) -> [ReportFile] {
        Self.draw(document).flatMap { kind, rendered in
            [ReportFile(path: Self.path(kind, extension: "png"), bytes: rendered.png),
             ReportFile(path: Self.path(kind, extension: "svg"), text: rendered.svg)]
        }
    }

    /// Every chart in both formats, drawn concurrently (one job per format and
    /// chart, as many at once as there are cores), in page order.
    static func draw(_ document: ReportDocument) -> [(kind: ChartKind, rendered: RenderedChart)] {
        let renderer = ChartRenderer()
        let charts = document.charts
        let pngs = ResultSlots<[UInt8]>(count: charts.count)
        let svgs = ResultSlots<String>(count: charts.count)
        DispatchQueue.concurrentPerform(iterations: charts.count * 2) { job in
            let (kind, chart) = charts[job / 2]
            if job % 2 == 0 {
                pngs[job / 2] = renderer.png(chart)
            } else {
                svgs[job / 2] = renderer.svg(chart, name: kind.rawValue)
            }
        }
        return zip(charts, zip(pngs.values, svgs.values)).map { chart, formats in
            (chart.kind, RenderedChart(png: formats.0, svg: formats.1))
        }
    }
}
