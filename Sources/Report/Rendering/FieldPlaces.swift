import Synchronization

/// Where each field of a ``TemplateObject`` type sits among its reflected children, found once per type.
///
/// A lookup by name through `Mirror(reflecting:).children.first(where:)` made a child (its label and
/// its value, boxed) for every field before the one asked for: for the page itself, sixty of them, on
/// every lookup that climbed to it. With the place known, a lookup reads one child.
enum FieldPlaces {
    private static let known = Mutex<[ObjectIdentifier: [String: Int]]>([:])

    /// The value of the field `name` of `object`; nil when its type has no such field.
    static func value<Object>(of name: String, in object: Object) -> Any? {
        let places = places(of: Object.self, reflecting: object)
        guard let place = places[name] else { return nil }
        let children = Mirror(reflecting: object).children
        return children[children.index(children.startIndex, offsetBy: place)].value
    }

    /// The place of each labelled field of `type`, read from `object`'s mirror the first time.
    private static func places<Object>(of type: Object.Type, reflecting object: Object) -> [String: Int] {
        let key = ObjectIdentifier(type)
        if let places = known.withLock({ $0[key] }) { return places }
        var places: [String: Int] = [:]
        for (place, child) in Mirror(reflecting: object).children.enumerated() {
            if let label = child.label, places[label] == nil { places[label] = place }
        }
        known.withLock { $0[key] = places }
        return places
    }
}
