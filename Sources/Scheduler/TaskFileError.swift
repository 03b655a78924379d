/// Why a task file cannot be run. Found before anything runs; exit code 2.
public enum TaskFileError: Error, CustomStringConvertible, Equatable, Sendable {
    case unreadable(file: String, reason: String)
    case notJSON(file: String, detail: String)
    /// A field has the wrong type or value; `place` is e.g. `tasks[2] (unit).timeout`.
    case badField(file: String, place: String, message: String)
    case unknownField(file: String, place: String, field: String)
    case duplicateID(file: String, id: String)
    /// A task has no kind, or more than one.
    case kind(file: String, id: String, found: [String])
    case unknownNeed(file: String, id: String, need: String)
    /// A dependency cycle, as the ids along it, the first repeated at the end.
    case cycle(file: String, ids: [String])

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            "\(file): cannot read the task file: \(reason)"
        case .notJSON(let file, let detail):
            "\(file): not a JSON task file: \(detail)"
        case .badField(let file, let place, let message):
            "\(file): \(place): \(message)"
        case .unknownField(let file, let place, let field):
            "\(file): \(place): unknown field '\(field)'"
        case .duplicateID(let file, let id):
            "\(file): task id '\(id)' is used more than once"
        case .kind(let file, let id, let found):
            "\(file): task '\(id)' needs exactly one of command, shell or http; "
                + (found.isEmpty ? "it has none" : "it has \(found.joined(separator: " and "))")
        case .unknownNeed(let file, let id, let need):
            "\(file): task '\(id)' needs '\(need)', which is not a task in this file"
        case .cycle(let file, let ids) where ids.count > 12:
            "\(file): dependency cycle of \(ids.count - 1) tasks: \(ids.prefix(8).joined(separator: " → ")) → … → "
                + ids.suffix(3).joined(separator: " → ")
        case .cycle(let file, let ids):
            "\(file): dependency cycle: \(ids.joined(separator: " → "))"
        }
    }
}
