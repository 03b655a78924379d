/// Why a `--fail-on` expression cannot be read.
public enum GateError: Error, Equatable, CustomStringConvertible {
    case noComparison(String)
    case unknownMetric(String, name: String)
    case badValue(String, expected: String)

    public var description: String {
        switch self {
        case .noComparison(let text):
            "'\(text)' has no comparison; write METRIC OP VALUE with OP one of > >= < <= == !=, as in failed>0"
        case .unknownMetric(let text, let name):
            "'\(text)': unknown metric '\(name)'; use one of "
                + Gate.Metric.allCases.map(\.rawValue).joined(separator: ", ")
        case .badValue(let text, let expected):
            "'\(text)': expected \(expected)"
        }
    }
}
