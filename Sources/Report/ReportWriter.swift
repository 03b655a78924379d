import Charts
import Foundation

/// Writes a complete report folder: `index.html`, the charts, and the data exports.
public struct ReportWriter: Sendable {
    public let folder: ReportFolder
    public let exporters: [any ReportExporter]

    /// - Parameters:
    ///   - path: The report folder (created if absent).
    ///   - templates: The page templates.
    ///   - exports: The data files to write beside the page.
    ///   - singleFile: Put the stylesheet and charts inside `index.html` (SVG inline, PNG as
    ///     data URIs) instead of writing `charts/`, so the page can travel alone.
    public init(
        path: String, templates: TemplateSet = TemplateSet(), exports: [DataExport] = DataExport.allCases,
        singleFile: Bool = false
    ) {
        folder = ReportFolder(path: path)
        exporters = (singleFile ? [] : [ChartExporter()]) + exports.map(\.exporter)
            + [HTMLExporter(templates: templates, singleFile: singleFile, exports: exports)]
    }

    /// Every file a report may write, in the order they are put in place: the
    /// charts, the data files, `index.html` last. In an existing folder these
    /// are replaced (or moved out when not written); nothing else is touched.
    public static let ownedPaths: [String] =
        ChartKind.allCases.flatMap { [ChartExporter.path($0, extension: "png"), ChartExporter.path($0, extension: "svg")] }
        + DataExport.allCases.map(\.rawValue) + ["index.html"]

    /// Writes the report of `document`.
    /// - Returns: The path of `index.html`.
    /// - Throws: ``ReportError``; nothing of the report is then written.
    @discardableResult
    public func write(_ document: ReportDocument) throws(ReportError) -> String {
        var files: [ReportFile] = []
        for exporter in exporters {
            files += try exporter.files(for: document)
        }
        try folder.write(files, owned: Self.ownedPaths)
        return URL(fileURLWithPath: folder.path).appendingPathComponent("index.html").standardizedFileURL.path
    }
}
