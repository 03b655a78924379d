/// Where task records come from: a file, or standard input (`-`).
public enum InputSource: Sendable, Equatable, CustomStringConvertible {
    case file(String)
    case standardInput

    /// Reads a command-line argument: `-` is standard input, anything else a path.
    public init(argument: String) {
        self = argument == "-" ? .standardInput : .file(argument)
    }

    /// The name used in messages and in the report's list of inputs.
    public var description: String {
        switch self {
        case .file(let path): path
        case .standardInput: "-"
        }
    }
}
