import Charts
import Dispatch
import TaskModel

/// `charts/NAME.png` and `charts/NAME.svg` for every chart kind.
public struct ChartExporter: ReportExporter {
    /// Creates the exporter.
    public init() {}

    /// The relative path of a chart file.
    public static func path(_ kind: ChartKind, extension ext: String) -> String {
        "charts/\(kind.rawValue).\(ext)"
    }

    /// Every chart in both formats, drawn concurrently (one job per file, as many
    /// at once as there are cores); the files come out in a fixed order.
    public func files(for document: ReportDocument) -> [ReportFile] {
        let renderer = ChartRenderer()
        let jobs = document.charts.flatMap { kind, chart in [(kind, chart, "png"), (kind, chart, "svg")] }
        let files = ResultSlots<ReportFile>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            let (kind, chart, format) = jobs[i]
            let path = Self.path(kind, extension: format)
            files[i] = format == "png"
                ? ReportFile(path: path, bytes: renderer.png(chart))
                : ReportFile(path: path, text: renderer.svg(chart, name: kind.rawValue))
        }
        return files.values
    }
}
