/// `index.html`: the page, rendered from the Mustache templates.
///
/// Every string from the data reaches the page through `{{…}}`, which escapes
/// it; only markup made by taskreport itself is inserted raw.
public struct HTMLExporter: ReportExporter {
    let templates: TemplateSet

    /// Creates the exporter.
    /// - Parameter templates: The templates to render with.
    public init(templates: TemplateSet) {
        self.templates = templates
    }

    public func files(for document: ReportDocument) -> [ReportFile] {
        [ReportFile(path: "index.html", text: templates.render(ReportPage(document)))]
    }
}
