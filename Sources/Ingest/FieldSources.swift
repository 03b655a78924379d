import TaskModel

/// Where record fields are read from when not from a key or column of their
/// own name (`--field status=conclusion`): other tools' names, and in JSON
/// dotted paths into nested objects (`--field name=metadata.name`).
public struct FieldSources: Sendable, Equatable {
    /// The source of each field given one; every other field is read from its own name.
    public private(set) var byField: [RecordField: String] = [:]

    public init() {}

    /// Adds `SCHEMA=SOURCE`.
    /// - Throws: ``FieldSourceError`` naming what is wrong: no `=`, an unknown schema field, an empty source,
    ///   or a field given twice.
    public mutating func add(_ text: String) throws(FieldSourceError) {
        guard let equals = text.firstIndex(of: "=") else { throw .noEquals(text) }
        let name = String(text[..<equals]), source = String(text[text.index(after: equals)...])
        guard let field = RecordField.allCases.first(where: { $0.name == name }) else { throw .unknownField(text, name: name) }
        guard !source.isEmpty else { throw .emptySource(text) }
        guard byField[field] == nil else { throw .givenTwice(name) }
        byField[field] = source
    }

    /// The field a CSV column of this name holds: a field whose source it is, else the field of its own name
    /// unless that field is read from elsewhere; nil for any other column.
    func field(ofColumn name: String) -> RecordField? {
        if let (field, _) = byField.first(where: { $0.value == name }) { return field }
        guard let field = RecordField(name: name), byField[field] == nil else { return nil }
        return field
    }
}

/// Why a `--field` cannot be read.
public enum FieldSourceError: Error, Equatable, CustomStringConvertible {
    case noEquals(String)
    case unknownField(String, name: String)
    case emptySource(String)
    case givenTwice(String)

    public var description: String {
        switch self {
        case .noEquals(let text): "'\(text)': write SCHEMA=SOURCE, as in status=conclusion"
        case .unknownField(let text, let name):
            "'\(text)': '\(name)' is not a field of the record schema; use one of "
                + RecordField.allCases.map(\.name).joined(separator: ", ")
        case .emptySource(let text): "'\(text)': the source after '=' is empty"
        case .givenTwice(let name): "'\(name)' is given twice"
        }
    }
}
