/// Why a report could not be written. The report folder then holds what it held before.
public enum ReportError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A folder or file could not be created, written or moved into place.
    case cannotWrite(path: String, reason: String)
    /// A template in the `--templates` folder could not be read or parsed, or its partials fail their checks.
    case badTemplate(path: String, line: Int?, message: String)
    /// The templates folder lacks the template the page starts from.
    case missingTemplate(folder: String, name: String)
    /// The report folder is one a report must not be written to (empty, `/`, home, a system folder).
    case unsafeFolder(path: String, reason: String)
    /// A step of moving the report into place failed and so did undoing the steps before it:
    /// the old report's files that were moved aside are in `backup`.
    case notRestored(path: String, backup: String, reason: String)
    /// A signal stopped the process before the report was put in place.
    case interrupted
    /// The summary could not be appended to the file named by `--summary-to` (the report was written).
    case cannotAppendSummary(path: String, reason: String)

    /// Whether the user's input or command line is at fault (exit 2), rather than the file system (exit 1).
    public var isBadInput: Bool {
        switch self {
        case .badTemplate, .missingTemplate, .unsafeFolder: true
        case .cannotWrite, .notRestored, .interrupted, .cannotAppendSummary: false
        }
    }

    /// Why, without the path: the operating system's words for a failed write.
    public var reason: String {
        switch self {
        case .cannotWrite(_, let reason), .unsafeFolder(_, let reason), .notRestored(_, _, let reason),
             .cannotAppendSummary(_, let reason):
            reason
        case .badTemplate(_, _, let message): message
        case .missingTemplate(_, let name): "no template '\(name).mustache'"
        case .interrupted: "interrupted"
        }
    }

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
        case .unsafeFolder(let path, let reason):
            "--out '\(path)': \(reason)"
        case .notRestored(let path, let backup, let reason):
            "\(path): the report could not be put in place, nor the old one put back (\(reason)); "
                + "the old report's files are in \(backup)"
        case .interrupted:
            "interrupted"
        case .cannotAppendSummary(let path, let reason):
            "\(path): cannot append the summary: \(reason)"
        }
    }
}
