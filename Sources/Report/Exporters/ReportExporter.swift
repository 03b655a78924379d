/// A file of the report, by its path inside the report folder.
public struct ReportFile: Sendable {
    /// What the file holds: bytes made up front, or a writer that streams them (large files).
    public enum Contents: Sendable {
        case bytes([UInt8])
        case stream(@Sendable (FileOutput) -> Void)
    }

    /// A relative path such as `index.html` or `charts/status.svg`.
    public var path: String
    public var contents: Contents

    /// Creates a file from its bytes.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.contents = .bytes(bytes)
    }

    /// Creates a file from UTF-8 text.
    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// Creates a file whose bytes `write` streams when the report is written.
    public init(path: String, stream write: @escaping @Sendable (FileOutput) -> Void) {
        self.path = path
        self.contents = .stream(write)
    }
}

/// One output format of the report: turns a document into files.
public protocol ReportExporter: Sendable {
    /// The files this format contributes.
    /// - Throws: ``ReportError`` when the format cannot be produced.
    func files(for document: ReportDocument) throws(ReportError) -> [ReportFile]
}
