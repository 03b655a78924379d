import Mustache

/// A value whose fields the templates look up by name: the page and its rows.
///
/// The fields are found by reflection, as swift-mustache does by default
/// (where each field sits is found once a type, by ``FieldPlaces``), but each
/// lookup is counted against the ``RenderBudget`` of the render in progress,
/// so no template can make a render run away. Rows the page holds
/// by the thousand name their fields in a switch instead (see
/// `ReportPageRows+Lookup.swift`), through ``admitted(_:)`` all the same.
protocol TemplateObject: MustacheParent {}

extension TemplateObject {
    func child(named name: String) -> Any? {
        FieldPlaces.value(of: name, in: self).flatMap(Self.admitted)
    }

    /// `value` as a render may use it: what an optional holds, counted against the budget of the
    /// render in progress; nil when there is nothing, or when the budget refuses it.
    static func admitted(_ value: Any) -> Any? {
        // Text, which most values are, is no optional: it skips the cast that looks for one.
        guard let value = value is HTMLText ? value : unwrapped(value) else { return nil }
        if let budget = RenderBudget.current, !budget.admit(value) { return nil }
        return value
    }

    /// The value an optional field holds, nil when it holds none; any other value as it is. (A cast,
    /// not a `Mirror`: one was made for every lookup, a tenth of the page's render at 1,000 rows.)
    private static func unwrapped(_ value: Any) -> Any? {
        guard let optional = value as? any OptionalField else { return value }
        return optional.held
    }
}

/// An optional, seen through `Any`.
private protocol OptionalField {
    /// What it holds; nil when nothing.
    var held: Any? { get }
}

extension Optional: OptionalField {
    fileprivate var held: Any? { map { $0 } }
}
