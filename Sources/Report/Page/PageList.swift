/// Long lists on the page, bounded so that the page stays small for any input.
///
/// A list shows at most ``rowLimit`` rows and at most ``byteLimit`` bytes of
/// escaped text; the page says how many it left out (stats.json has them
/// all). With names cut to a few hundred characters, eight such lists keep
/// `index.html` well under 2 MB whatever the records hold.
enum PageList {
    /// The most rows of one list.
    static let rowLimit = 100
    /// The most bytes of escaped text in one list.
    static let byteLimit = 150_000

    /// The rows made from `items`, in order, while both limits allow.
    static func rows<Item, Row>(_ items: some Sequence<Item>, make: (Item) -> Row) -> [Row] {
        var rows: [Row] = []
        var bytes = 0
        for item in items {
            guard rows.count < rowLimit else { break }
            let row = make(item)
            bytes += size(of: row)
            guard bytes <= byteLimit else { break }
            rows.append(row)
        }
        return rows
    }

    /// The bytes of page text in `value`: its ``HTMLText``, in any field or list, at any depth.
    static func size(of value: Any) -> Int {
        if let text = value as? HTMLText { return text.markup.utf8.count }
        if let sized = value as? any PageSized { return sized.pageBytes }
        return reflectedSize(of: value)
    }

    /// ``size(of:)`` by reflection alone, which rows held by the thousand spare themselves.
    static func reflectedSize(of value: Any) -> Int {
        Mirror(reflecting: value).children.reduce(0) { $0 + size(of: $1.value) }
    }

    /// `"Showing the \(phrase); stats.json has them all."` when `shown` is less than `total`, else empty.
    /// - Parameter place: Where the reader finds them all; nil when nowhere does.
    static func note(shown: Int, of total: Int, _ phrase: String, where place: String? = "stats.json") -> HTMLText {
        guard total > shown else { return .empty }
        return HTMLText("Showing the \(phrase)" + (place.map { "; \($0) has them all." } ?? "."))
    }
}
