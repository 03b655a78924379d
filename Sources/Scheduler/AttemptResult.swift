import Foundation

/// How one attempt ended.
struct AttemptResult: Sendable {
    enum Outcome: String, Sendable {
        case completed, failed, timeout, cancelled
    }

    var outcome: Outcome
    var startedAt: Date
    var finishedAt: Date
    var exitCode: Int?
    var httpStatus: Int?
    /// Why it did not complete, in a line; nil when it completed.
    var error: String?
    var stdoutTail = ""
    var stderrTail = ""
}
