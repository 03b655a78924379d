import Foundation
import Store

/// How one attempt ended.
struct AttemptResult: Sendable {
    /// `completed`, `failed`, `timeout` or `cancelled`.
    var outcome: TaskStatus
    var startedAt: Date
    var finishedAt: Date
    var exitCode: Int?
    var httpStatus: Int?
    /// Why it did not complete, in a line; nil when it completed.
    var error: String?
    var stdoutTail = ""
    var stderrTail = ""
}
