/// Why the store could not be used.
public enum StoreError: Error, CustomStringConvertible, Equatable, Sendable {
    case cannotOpen(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    /// `--db` names a database that holds other tables than a store's: it is someone else's, and is left as it was.
    case foreignDatabase(path: String, tables: [String])
    /// `--db` names a file that is not a SQLite database.
    case notADatabase(path: String)

    /// Whether the command line is at fault (exit 2) rather than the file system (exit 1).
    public var isBadInput: Bool {
        switch self {
        case .foreignDatabase, .notADatabase: true
        case .cannotOpen, .cannotWrite: false
        }
    }

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "\(path): cannot open the store: \(reason)"
        case .cannotWrite(let path, let reason): "\(path): cannot write to the store: \(reason)"
        case .foreignDatabase(let path, let tables):
            "\(path): not a taskreport store (it holds the tables \(tables.prefix(10).joined(separator: ", "))"
                + (tables.count > 10 ? ", …" : "") + "); nothing was written to it. Give --db a new file or a store"
        case .notADatabase(let path):
            "\(path): not a SQLite database, so not a store; nothing was written to it. Give --db a new file or a store"
        }
    }
}
