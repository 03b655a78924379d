import Testing

@testable import Report

/// The built-in templates are not checked when a report is made (it cost as much as parsing them), so
/// they are checked here, as a `--templates` folder is checked before its first render.
@Suite("the built-in templates")
struct BuiltInTemplateTests {
    @Test("pass the checks a --templates folder must pass: partials exist, do not recurse, nest and expand within limits")
    func passTheChecks() throws {
        let graph = try TemplateSet().graph
        try graph.check(from: TemplateSet.pageTemplate)
        #expect(!graph.partials(of: TemplateSet.pageTemplate).isEmpty, "the page is made of partials")
    }
}
