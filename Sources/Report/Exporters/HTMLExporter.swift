/// `index.html`: the page, rendered from the Mustache templates.
///
/// Every string from the data reaches the page as ``HTMLText``, escaped per
/// Unicode scalar before the templates see it; only markup made by
/// taskreport itself (inline charts, trend lines) is placed as it is.
public struct HTMLExporter: ReportExporter {
    /// The templates of a `--templates` folder; nil for the built-in ones.
    let templates: TemplateSet?
    let singleFile: Bool
    let exports: [DataExport]

    /// - Parameters:
    ///   - templates: The templates to render with; nil for the built-in ones (``TemplateSet/builtIn``,
    ///     parsed once, at the latest when the page is rendered, on its own thread beside the charts).
    ///   - singleFile: Whether to inline the charts rather than link `charts/`.
    ///   - exports: The data files written beside the page, which it links to.
    public init(templates: TemplateSet? = nil, singleFile: Bool = false, exports: [DataExport] = []) {
        self.templates = templates
        self.singleFile = singleFile
        self.exports = exports
    }

    public func files(for document: ReportDocument) throws(ReportError) -> [ReportFile] {
        let inline = singleFile ? ChartExporter.draw(document) : nil
        let page = ReportPage(document, inlineCharts: inline, downloads: exports.map(\.rawValue))
        return [ReportFile(path: "index.html", text: try (templates ?? .builtIn).render(page))]
    }
}
