import Foundation

/// A run as the store keeps it.
public struct RunRecord: Sendable, Equatable {
    public var id: String
    /// The task file's path as given, and its text (small, and it tells what ran; a later
    /// report can then say the file changed).
    public var taskFile: String
    public var taskFileText: String
    public var host: String
    public var startedAt: Date

    public init(id: String, taskFile: String, taskFileText: String, host: String, startedAt: Date) {
        self.id = id
        self.taskFile = taskFile
        self.taskFileText = taskFileText
        self.host = host
        self.startedAt = startedAt
    }
}

/// One try at running a task.
public struct AttemptRecord: Sendable, Equatable {
    /// 1 for the first try.
    public var number: Int
    /// `completed`, `failed`, `timeout` or `cancelled`.
    public var status: TaskStatus
    public var startedAt: Date
    public var finishedAt: Date
    public var exitCode: Int?
    public var httpStatus: Int?
    /// Why it did not complete, in a line.
    public var error: String?
    /// The last bytes of standard output and standard error (at most 64 KiB each).
    public var stdoutTail: String
    public var stderrTail: String

    public init(
        number: Int, status: TaskStatus, startedAt: Date, finishedAt: Date, exitCode: Int? = nil, httpStatus: Int? = nil,
        error: String? = nil, stdoutTail: String = "", stderrTail: String = ""
    ) {
        self.number = number
        self.status = status
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.exitCode = exitCode
        self.httpStatus = httpStatus
        self.error = error
        self.stdoutTail = stdoutTail
        self.stderrTail = stderrTail
    }

    /// Milliseconds from start to finish.
    public var durationMs: Double { finishedAt.timeIntervalSince(startedAt) * 1000 }
}

/// A task's final state in a run, with every attempt it took.
public struct TaskRecord: Sendable, Equatable {
    public var id: String
    public var name: String
    public var group: String
    public var status: TaskStatus
    /// Empty for a task that never started (skipped, or cancelled before it ran).
    public var attempts: [AttemptRecord]
    /// Why it did not run or did not complete, for tasks without attempts.
    public var error: String?

    public init(id: String, name: String, group: String, status: TaskStatus, attempts: [AttemptRecord], error: String? = nil) {
        self.id = id
        self.name = name
        self.group = group
        self.status = status
        self.attempts = attempts
        self.error = error
    }
}
