/// A file of the report, by its path inside the report folder.
public struct ReportFile: Sendable {
    /// A relative path such as `index.html` or `charts/status.svg`.
    public var path: String
    public var bytes: [UInt8]

    /// Creates a file from its bytes.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// Creates a file from UTF-8 text.
    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}

/// One output format of the report: turns a document into files.
public protocol ReportExporter: Sendable {
    /// The files this format contributes.
    /// - Throws: ``ReportError`` when the format cannot be produced.
    func files(for document: ReportDocument) throws(ReportError) -> [ReportFile]
}
