import Foundation

/// Writes a complete report folder: `index.html`, `stats.json` and `charts/`.
public struct ReportWriter: Sendable {
    public let folder: ReportFolder
    public let exporters: [any ReportExporter]

    /// Creates a writer with the standard exporters.
    /// - Parameters:
    ///   - path: The report folder (created if absent).
    ///   - templates: The page templates.
    public init(path: String, templates: TemplateSet = TemplateSet()) {
        folder = ReportFolder(path: path)
        exporters = [ChartExporter(), StatsJSONExporter(), HTMLExporter(templates: templates)]
    }

    /// Writes the report of `document`.
    /// - Returns: The path of `index.html`.
    /// - Throws: ``ReportError``; nothing of the report is then written.
    @discardableResult
    public func write(_ document: ReportDocument) throws(ReportError) -> String {
        var files: [ReportFile] = []
        for exporter in exporters {
            files += try exporter.files(for: document)
        }
        try folder.write(files)
        return URL(fileURLWithPath: folder.path).appendingPathComponent("index.html").standardizedFileURL.path
    }
}
