import Synchronization

/// A bound on the work and the text of one page render.
///
/// swift-mustache renders a template in one call that cannot be interrupted.
/// Every lookup of a field goes through ``TemplateObject``, which asks the
/// budget of the render in progress: lookups, list items and bytes of text
/// each count, and once any runs out every further lookup finds nothing, so
/// sections stop opening and the render ends soon after. The caller then
/// reports the template as too costly instead of writing a partial page.
/// Partials cannot loop: ``TemplateGraph`` rejects cycles before rendering.
final class RenderBudget: Sendable {
    /// The budget of the render running on this task or thread, if any.
    @TaskLocal static var current: RenderBudget?

    private struct State {
        var lookups: Int
        var bytes: Int
        var exceeded = false
    }

    private let state: Mutex<State>

    /// A budget of `lookups` lookups and list items, and `bytes` bytes of text looked up.
    init(lookups: Int, bytes: Int) {
        state = Mutex(State(lookups: lookups, bytes: bytes))
    }

    /// The budget for a page: far above what the built-in templates use on any input.
    static func page() -> RenderBudget {
        RenderBudget(lookups: 2_000_000, bytes: 64 << 20)
    }

    /// Counts a lookup that found `value` (text by its bytes, a list by its items); false (and the budget
    /// spent for good) once there is no room for it.
    func admit(_ value: Any) -> Bool {
        // Text first: most values are, and a cast to a type costs a fraction of a cast to a protocol,
        // which searches the runtime's table of conformances (casts were most of the page's render).
        if let text = value as? HTMLText { return admit(items: 0, bytes: text.markup.utf8.count) }
        return admit(items: (value as? any ListedItems)?.itemCount ?? 0, bytes: 0)
    }

    /// Counts a lookup that found a list of `items` items, or `bytes` bytes of text.
    private func admit(items: Int, bytes: Int) -> Bool {
        state.withLock { state in
            guard !state.exceeded else { return false }
            state.lookups -= 1 + items
            state.bytes -= bytes
            if state.lookups < 0 || state.bytes < 0 { state.exceeded = true }
            return !state.exceeded
        }
    }

    /// Whether the render ran out of budget.
    var isExceeded: Bool { state.withLock { $0.exceeded } }
}

/// A list a section renders once per item: what ``RenderBudget`` counts as items. (Not every
/// `Collection`: a `String` is one too, and counting its characters cost a pass over each text.)
private protocol ListedItems {
    var itemCount: Int { get }
}

extension Array: ListedItems {
    fileprivate var itemCount: Int { count }
}
