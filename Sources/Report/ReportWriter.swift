import Charts
import Foundation
import Support

/// Writes a complete report folder: `index.html`, the charts, and the data exports.
public struct ReportWriter: Sendable {
    public let folder: ReportFolder
    /// The data files, then the charts: `stats.json` is encoded while the page renders beside it,
    /// before the charts take both cores, rather than on one core after them.
    public let exporters: [any ReportExporter]
    /// `index.html`.
    public let page: HTMLExporter

    /// - Parameters:
    ///   - path: The report folder (created if absent).
    ///   - templates: The page templates; nil for the built-in ones.
    ///   - exports: The data files to write beside the page.
    ///   - singleFile: Put the stylesheet and charts inside `index.html` (SVG inline, PNG as
    ///     data URIs) instead of writing `charts/`, so the page can travel alone.
    public init(
        path: String, templates: TemplateSet? = nil, exports: [DataExport] = DataExport.allCases,
        singleFile: Bool = false
    ) {
        folder = ReportFolder(path: path)
        exporters = exports.map(\.exporter) + (singleFile ? [] : [ChartExporter()])
        page = HTMLExporter(templates: templates, singleFile: singleFile, exports: exports)
    }

    /// Every file a report may write, in the order they are put in place: the
    /// charts, the data files, `index.html` last. In an existing folder these
    /// are replaced (or moved out when not written); nothing else is touched.
    public static let ownedPaths: [String] =
        ChartKind.allCases.flatMap { [ChartExporter.path($0, extension: "png"), ChartExporter.path($0, extension: "svg")] }
        + DataExport.allCases.map(\.rawValue) + ["index.html"]

    /// Writes the report of `document`.
    ///
    /// The page is rendered on a thread of its own (a ``SideJob``) while the charts and the
    /// data files are made: at 1M records each takes about a tenth of a
    /// second, and the charts' concurrent drawing leaves a core idle for part of it.
    /// - Returns: The path of `index.html`, and how long each part took.
    /// - Throws: ``ReportError``; nothing of the report is then written.
    @discardableResult
    public func write(_ document: ReportDocument) throws(ReportError) -> WrittenReport {
        let clock = ContinuousClock()
        let page = self.page
        let rendering = SideJob {
            let start = clock.now
            let files = Result { () throws(ReportError) -> [ReportFile] in try page.files(for: document) }
            return (files, start.duration(to: clock.now))
        }
        defer { _ = rendering.value }  // on an error too: no render outlives the call
        let start = clock.now
        var files: [ReportFile] = []
        for exporter in exporters {
            files += try exporter.files(for: document)
        }
        let chartsAndData = start.duration(to: clock.now)
        let (pageFiles, pageTime) = rendering.value
        files += try pageFiles.get()
        let writing = clock.now
        try folder.write(files, owned: Self.ownedPaths)
        return WrittenReport(
            page: URL(fileURLWithPath: folder.path).appendingPathComponent("index.html").standardizedFileURL.path,
            timings: WrittenReport.Timings(page: pageTime, chartsAndData: chartsAndData, files: writing.duration(to: clock.now)))
    }
}
