/// A failure of the command itself (not of the input), reported as one line with exit code 1.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
