import Testing

@testable import Report

/// What a render may look up: every value found counts against the budget of the render in progress,
/// text by its bytes and lists by their items, and once the budget is spent nothing more is found.
@Suite("the render budget")
struct RenderBudgetTests {
    /// `value` as a lookup in a row of the page hands it to the template.
    static func admitted(_ value: Any) -> Any? { ReportPage.Metric.admitted(value) }

    @Test("text counts its bytes: past the budget's bytes it is found no more, nor anything else")
    func textBytes() {
        let budget = RenderBudget(lookups: 100, bytes: 100)
        let text = HTMLText(String(repeating: "é", count: 30))  // 60 bytes
        RenderBudget.$current.withValue(budget) {
            #expect(Self.admitted(text) as? HTMLText == text)
            #expect(Self.admitted(text) == nil, "120 bytes of 100")
            #expect(Self.admitted(true) == nil, "spent for good")
        }
        #expect(budget.isExceeded)
    }

    @Test("each lookup counts one, and a list one more for each of its items")
    func lookupsAndItems() {
        let budget = RenderBudget(lookups: 10, bytes: 1 << 20)
        RenderBudget.$current.withValue(budget) {
            #expect(Self.admitted([HTMLText("a"), HTMLText("b"), HTMLText("c")]) != nil)  // 4
            for _ in 0..<6 { #expect(Self.admitted(HTMLText("x")) != nil) }  // 10
            #expect(Self.admitted(Optional(HTMLText("y"))) == nil, "the eleventh")
        }
        #expect(budget.isExceeded)
    }

    @Test("an optional gives what it holds, text or not, and nothing when it holds nothing")
    func optionals() throws {
        let budget = RenderBudget(lookups: 10, bytes: 1 << 20)
        RenderBudget.$current.withValue(budget) {
            #expect(Self.admitted(Optional(HTMLText("held"))) as? HTMLText == HTMLText("held"))
            #expect(Self.admitted(Optional(7)) as? Int == 7)
            #expect(Self.admitted(HTMLText?.none) == nil)
        }
        #expect(!budget.isExceeded)
        #expect(Self.admitted(HTMLText("no render in progress")) != nil)
    }
}
