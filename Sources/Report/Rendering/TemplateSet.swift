import Dispatch
import Foundation
import Mustache

/// The Mustache templates a page is rendered with: the defaults built into
/// taskreport (from `Templates/`), each replaceable by a file of the same
/// name in a `--templates` folder.
///
/// A set is checked when it is made (``TemplateGraph``: partials exist, do
/// not recurse, nest and expand within limits), and every render runs within
/// a ``RenderBudget``, so no template can crash or hang a report.
public struct TemplateSet: Sendable {
    /// The template every page starts from.
    public static let pageTemplate = "index"

    private var templates: [String: MustacheTemplate] = [:]
    /// Where each template came from, for messages: a file's path, or nil for a built-in one.
    private var files: [String: String] = [:]

    /// The built-in templates only.
    ///
    /// They are not put through the checks here: the tests check them (a parse failure here is a build
    /// defect), and checking them by reflection on every run took as long as parsing them, 4–6 ms.
    public init() {
        for (name, text) in defaultTemplates {
            templates[name] = try! MustacheTemplate(string: text)
        }
    }

    /// The built-in templates, parsed once a process, on first use.
    public static let builtIn = TemplateSet()

    /// Starts parsing ``builtIn`` on another thread, so that it is ready, or nearly, when a page is
    /// rendered: the parse takes 5–9 ms, which the reading and the statistics can hide.
    public static func prepareBuiltIn() {
        DispatchQueue.global().async { _ = builtIn }
    }

    /// The built-in templates, overridden by every `*.mustache` file in `folder`.
    /// - Throws: ``ReportError/badTemplate(path:line:message:)`` naming the file (and line) of a
    ///   parse error or of a partial that is missing, recurses, nests too deep or expands too far;
    ///   ``ReportError/missingTemplate(folder:name:)`` when `folder` has no `index.mustache`.
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
        for file in names.sorted() {
            let path = (folder as NSString).appendingPathComponent(file)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw .badTemplate(path: path, line: nil, message: "cannot read it as UTF-8 text")
            }
            let name = String(file.dropLast(".mustache".count))
            do {
                templates[name] = try MustacheTemplate(string: text)
                files[name] = path
            } catch let error as MustacheTemplate.ParserError {
                throw .badTemplate(path: path, line: error.context.lineNumber, message: "\(error.error)")
            } catch {
                throw .badTemplate(path: path, line: nil, message: "\(error)")
            }
        }
        do {
            try Self.check(templates)
        } catch {
            let file = files[error.template] ?? (folder as NSString).appendingPathComponent("\(error.template).mustache")
            throw .badTemplate(path: file, line: nil, message: error.message)
        }
    }

    private static func check(_ templates: [String: MustacheTemplate]) throws(TemplateGraph.Problem) {
        try TemplateGraph(templates).check(from: pageTemplate)
    }

    /// The include graph of the set, for tests.
    var graph: TemplateGraph {
        get throws(TemplateGraph.Problem) { try TemplateGraph(templates) }
    }

    /// Renders the page template with `page` as its context.
    /// - Throws: ``ReportError/badTemplate(path:line:message:)`` when the render ran out of its
    ///   ``RenderBudget`` (a template looping over far more than a page holds).
    func render(_ page: ReportPage) throws(ReportError) -> String {
        let budget = RenderBudget.page()
        let library = MustacheLibrary(templates: templates)
        let text = RenderBudget.$current.withValue(budget) {
            library.render(page, withTemplate: Self.pageTemplate) ?? ""
        }
        guard !budget.isExceeded else {
            throw .badTemplate(
                path: files[Self.pageTemplate] ?? "the built-in templates", line: nil,
                message: "rendering the page looked up more than a page's worth of values; "
                    + "does a section loop inside a loop over the same list?")
        }
        return text
    }
}
