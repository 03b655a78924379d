/// Why a report could not be written. Nothing of the report is left behind.
public enum ReportError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A folder or file could not be created, written or moved into place.
    case cannotWrite(path: String, reason: String)
    /// A template in the `--templates` folder could not be read or parsed.
    case badTemplate(path: String, line: Int?, message: String)
    /// The templates folder lacks the template the page starts from.
    case missingTemplate(folder: String, name: String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason):
            "\(path): cannot write the report: \(reason)"
        case .badTemplate(let path, let line?, let message):
            "\(path):\(line): template error: \(message)"
        case .badTemplate(let path, nil, let message):
            "\(path): template error: \(message)"
        case .missingTemplate(let folder, let name):
            "\(folder): no template '\(name).mustache' (copy Templates/ from taskreport as a start)"
        }
    }
}
