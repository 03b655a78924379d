/// `index.html`: the page, rendered from the Mustache templates.
///
/// Every string from the data reaches the page through `{{…}}`, which escapes
/// it; only markup made by taskreport itself (inline charts, trend lines) is inserted raw.
public struct HTMLExporter: ReportExporter {
    let templates: TemplateSet
    let singleFile: Bool
    let exports: [DataExport]

    /// Creates the exporter.
    /// - Parameters:
    ///   - templates: The templates to render with.
    ///   - singleFile: Whether to inline the charts rather than link `charts/`.
    ///   - exports: The data files written beside the page, which it links to.
    public init(templates: TemplateSet, singleFile: Bool = false, exports: [DataExport] = []) {
        self.templates = templates
        self.singleFile = singleFile
        self.exports = exports
    }

    public func files(for document: ReportDocument) -> [ReportFile] {
        let inline = singleFile ? ChartExporter.draw(document) : nil
        return [ReportFile(path: "index.html", text: templates.render(ReportPage(document, inlineCharts: inline, downloads: exports.map(\.rawValue))))]
    }
}
