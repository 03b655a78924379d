/// What a status label means, whatever its spelling.
///
/// Status is free text in the records (Airflow says `success`, Celery
/// `SUCCESS`, our scheduler `completed`). The label is kept as written for
/// display; its kind gives it a fixed place in the order and a colour.
public enum StatusKind: String, Sendable, CaseIterable, Codable, Comparable {
    case completed, failed, timeout, cancelled, skipped, pending, running, other

    /// The kind of a label, compared without regard to case, spaces, dashes or underscores. A label
    /// the table does not know is tried again by its first word, as Slurm writes `CANCELLED by 1042`.
    public init(label: String) {
        func key(_ text: Substring) -> String { String(text.lowercased().filter { $0.isLetter }) }
        if let kind = Self.kindsByLabel[key(label[...])] {
            self = kind
        } else if let space = label.firstIndex(of: " "), let kind = Self.kindsByLabel[key(label[..<space])] {
            self = kind
        } else {
            self = .other
        }
    }

    /// Whether a task of this kind has finished (it counts towards the success rate).
    public var isFinished: Bool { self != .pending && self != .running }

    /// Whether a task of this kind went wrong (it is listed among failures).
    public var isFailure: Bool { self == .failed || self == .timeout }

    /// How much a reader needs to see a task of this kind, most first: failed, timeout, cancelled,
    /// skipped, other labels, running, pending, completed. Lists of every task are in this order.
    public var severity: Int {
        switch self {
        case .failed: 0
        case .timeout: 1
        case .cancelled: 2
        case .skipped: 3
        case .other: 4
        case .running: 5
        case .pending: 6
        case .completed: 7
        }
    }

    public static func < (a: StatusKind, b: StatusKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Labels by kind, as our scheduler, Celery, Airflow, Slurm (`sacct`), GitHub Actions (`conclusion` and
    /// `status`), Kubernetes pod phases, Jenkins results and JUnit write them; the README has the table.
    private static let kindsByLabel: [String: StatusKind] = [
        "completed": .completed, "complete": .completed, "success": .completed, "succeeded": .completed,
        "successful": .completed, "ok": .completed, "passed": .completed, "pass": .completed, "done": .completed,
        "failed": .failed, "failure": .failed, "fail": .failed, "error": .failed, "errored": .failed,
        "upstreamfailed": .failed, "outofmemory": .failed, "nodefail": .failed, "bootfail": .failed,
        "startupfailure": .failed, "unstable": .failed,
        "timeout": .timeout, "timedout": .timeout, "deadline": .timeout,
        "cancelled": .cancelled, "canceled": .cancelled, "revoked": .cancelled, "aborted": .cancelled,
        "killed": .cancelled, "removed": .cancelled, "preempted": .cancelled, "shutdown": .cancelled, "stale": .cancelled,
        "skipped": .skipped, "skip": .skipped, "ignored": .skipped, "disabled": .skipped, "notbuilt": .skipped,
        "neutral": .skipped,
        "pending": .pending, "queued": .pending, "scheduled": .pending, "received": .pending,
        "waiting": .pending, "deferred": .pending, "upforreschedule": .pending, "upforretry": .pending, "retry": .pending,
        "requeued": .pending, "actionrequired": .pending, "suspended": .pending,
        "running": .running, "started": .running, "inprogress": .running, "restarting": .running,
        "completing": .running,
    ]
}
