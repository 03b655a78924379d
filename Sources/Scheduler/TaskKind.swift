/// What a task does.
public enum TaskKind: Sendable, Equatable {
    /// An argv array run without a shell; the first element is looked up in `PATH`.
    case command([String])
    /// A line for `/bin/sh -c`.
    case shell(String)
    /// A GET whose status decides the outcome.
    case http(HTTPCheck)
}
