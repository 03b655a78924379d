import Mustache

/// Which partials each template includes, and the checks a set of templates
/// passes before a page is rendered with it.
///
/// swift-mustache renders a partial by rendering its template, with no limit:
/// a partial that includes itself overflows the stack, and partials that
/// include the next one twice, 40 deep, never finish. Neither can be stopped
/// once rendering has begun, so the include graph is checked first, from
/// the library's own parse of each template (read by reflection), so that
/// no second parser can disagree with it about where a partial is.
struct TemplateGraph {
    /// How deep partials may nest, counting from the page template.
    static let maximumDepth = 16
    /// How much template text the page template may stand for with every partial written out.
    static let maximumExpandedSize = 4 << 20

    /// What went wrong, with the templates involved; ``TemplateSet`` names their files.
    enum Problem: Error, Equatable {
        /// `{{>*name}}`: a partial chosen by a value, which cannot be checked beforehand.
        case dynamicPartial(template: String, name: String)
        case missingPartial(template: String, name: String)
        /// The templates along a cycle, the first repeated at the end.
        case recursion([String])
        case tooDeep([String])
        case tooLarge(template: String, size: Int)
        /// The parse could not be read: a swift-mustache this code does not know.
        case unreadable(template: String)

        /// Where the problem is: the template to name in the message.
        var template: String {
            switch self {
            case .dynamicPartial(let template, _), .missingPartial(let template, _), .tooLarge(let template, _),
                 .unreadable(let template):
                template
            case .recursion(let chain), .tooDeep(let chain):
                chain[0]
            }
        }

        var message: String {
            switch self {
            case .dynamicPartial(_, let name):
                "the partial {{>*\(name)}} is chosen by a value; name partials directly"
            case .missingPartial(let template, let name):
                "'\(template)' includes the partial '\(name)', and there is no \(name).mustache"
            case .recursion(let chain):
                "partial recursion: " + chain.joined(separator: " → ")
            case .tooDeep(let chain):
                "partials nest more than \(TemplateGraph.maximumDepth) deep: " + chain.joined(separator: " → ")
            case .tooLarge(let template, let size):
                "'\(template)' with its partials written out is \(size >> 20) MB or more of template text; "
                    + "the limit is \(TemplateGraph.maximumExpandedSize >> 20) MB"
            case .unreadable(let template):
                "cannot see which partials '\(template)' includes"
            }
        }
    }

    /// The partials each template includes, in order of appearance, by template name.
    private var includes: [String: [String]] = [:]
    private var textSizes: [String: Int] = [:]

    /// Reads the include graph of `templates`.
    /// - Throws: ``Problem/dynamicPartial(template:name:)`` or ``Problem/unreadable(template:)``.
    init(_ templates: [String: MustacheTemplate]) throws(Problem) {
        for (name, template) in templates {
            guard let references = Self.references(in: template) else { throw .unreadable(template: name) }
            if let dynamic = references.dynamic.first { throw .dynamicPartial(template: name, name: dynamic) }
            includes[name] = references.partials
            textSizes[name] = template.description.utf8.count
        }
    }

    /// The partials `template` includes directly, in order.
    func partials(of template: String) -> [String] { includes[template] ?? [] }

    /// Checks everything `root` includes, at any depth: every partial exists,
    /// none includes itself through others, they nest at most ``maximumDepth``
    /// deep and expand to at most ``maximumExpandedSize``.
    func check(from root: String) throws(Problem) {
        var expanded: [String: Int] = [:]
        var path: [String] = []
        _ = try visit(root, path: &path, expanded: &expanded)
    }

    /// The expanded size of `name`, checking it and what it includes; `path`
    /// holds the templates being visited, for naming a cycle.
    private func visit(_ name: String, path: inout [String], expanded: inout [String: Int]) throws(Problem) -> Int {
        if let start = path.firstIndex(of: name) { throw .recursion(Array(path[start...]) + [name]) }
        if let size = expanded[name] { return size }
        guard let children = includes[name] else { throw .missingPartial(template: path.last ?? name, name: name) }
        path.append(name)
        if path.count > Self.maximumDepth + 1 { throw .tooDeep(path) }
        var size = textSizes[name] ?? 0
        for child in children {
            size += try visit(child, path: &path, expanded: &expanded)
            if size > Self.maximumExpandedSize { throw .tooLarge(template: path[0], size: size) }
        }
        path.removeLast()
        expanded[name] = size
        return size
    }

    /// The partial names a parsed template refers to (in sections, blocks and
    /// inheritance overrides too), and those chosen by a value; nil when the
    /// parse does not look as expected.
    static func references(in template: MustacheTemplate) -> (partials: [String], dynamic: [String])? {
        guard let tokens = Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value as? [Any]
        else { return nil }
        var partials: [String] = [], dynamic: [String] = []
        for token in tokens {
            guard let (kind, payload) = Mirror(reflecting: token).children.first.map({ ($0.label, $0.value) }) else {
                continue  // a case without a payload
            }
            let name = Mirror(reflecting: payload).children.first?.value as? String
            if kind == "partial", let name { partials.append(name) }
            if kind == "dynamicNamePartial", let name { dynamic.append(name) }
            for nested in templates(in: payload) {
                guard let inner = references(in: nested) else { return nil }
                partials += inner.partials
                dynamic += inner.dynamic
            }
        }
        return (partials, dynamic)
    }

    /// The templates held anywhere in a token's payload: a section's body, a block's default, inherited overrides.
    private static func templates(in value: Any) -> [MustacheTemplate] {
        if let template = value as? MustacheTemplate { return [template] }
        return Mirror(reflecting: value).children.flatMap { templates(in: $0.value) }
    }
}
