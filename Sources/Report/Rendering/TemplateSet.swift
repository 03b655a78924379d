import Foundation
import Mustache

/// The Mustache templates a page is rendered with: the defaults built into
/// taskreport (from `Templates/`), each replaceable by a file of the same
/// name in a `--templates` folder.
public struct TemplateSet: Sendable {
    /// The template every page starts from.
    public static let pageTemplate = "index"

    private(set) var library: MustacheLibrary

    /// The built-in templates only.
    public init() {
        var library = MustacheLibrary()
        for (name, text) in defaultTemplates.sorted(by: { $0.key < $1.key }) {
            // The defaults are checked by the tests; a parse failure here is a build defect.
            try! library.register(text, named: name)
        }
        self.library = library
    }

    /// The built-in templates, overridden by every `*.mustache` file in `folder`.
    /// - Throws: ``ReportError/badTemplate(path:line:message:)`` naming the file and line of a parse
    ///   error, or ``ReportError/missingTemplate(folder:name:)`` when `folder` has no `index.mustache`.
    public init(folder: String) throws(ReportError) {
        self.init()
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".mustache") }
        } catch {
            throw .badTemplate(path: folder, line: nil, message: "cannot read the folder")
        }
        guard names.contains("\(Self.pageTemplate).mustache") else {
            throw .missingTemplate(folder: folder, name: Self.pageTemplate)
        }
        var library = self.library
        for file in names.sorted() {
            let path = (folder as NSString).appendingPathComponent(file)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw .badTemplate(path: path, line: nil, message: "cannot read it as UTF-8 text")
            }
            do {
                try library.register(text, named: String(file.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                throw .badTemplate(path: path, line: error.context.lineNumber, message: "\(error.error)")
            } catch {
                throw .badTemplate(path: path, line: nil, message: "\(error)")
            }
        }
        self.library = library
    }

    /// Renders the page template with `page` as its context.
    func render(_ page: ReportPage) -> String {
        library.render(page, withTemplate: Self.pageTemplate) ?? ""
    }
}
