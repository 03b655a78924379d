/// Why the store could not be used.
public enum StoreError: Error, CustomStringConvertible, Equatable, Sendable {
    case cannotOpen(path: String, reason: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "\(path): cannot open the store: \(reason)"
        case .cannotWrite(let path, let reason): "\(path): cannot write to the store: \(reason)"
        }
    }
}
