import TaskModel

/// A run laid out in time, for its Gantt chart: each task that has a start,
/// from start to finish, with its attempts, and the chain of `needs` that
/// ended last (the critical path).
///
/// Only the tasks that matter most are kept task by task (failures, the
/// critical path, then the longest); a run of many tasks is drawn instead as
/// how many ran at once (``Concurrency``).
public struct RunSchedule: Sendable, Equatable {
    /// A stretch of time, in Unix seconds.
    public struct Span: Sendable, Equatable {
        public var start: Double
        public var end: Double

        public init(start: Double, end: Double) {
            self.start = start
            self.end = end
        }
    }

    /// One attempt at a task: when it ran and how it ended.
    public struct Attempt: Sendable, Equatable {
        public var span: Span
        public var kind: StatusKind

        public init(span: Span, kind: StatusKind) {
            self.span = span
            self.kind = kind
        }
    }

    /// One task of the run.
    public struct Task: Sendable, Equatable {
        public var id: String
        /// Its name, or its id when it has none.
        public var name: String
        public var group: String
        public var status: String
        public var kind: StatusKind
        /// From its first start to its last finish.
        public var span: Span
        /// Each attempt, first first, when the store kept them; else one spanning the task.
        public var attempts: [Attempt]
        public var onCriticalPath: Bool
    }

    /// Tasks that have a start time.
    public var taskCount: Int
    /// Tasks without one, which no chart can place…
    public var withoutStart: Int
    /// …and the names of the first few of them.
    public var withoutStartNames: [String]
    /// From the first start to the last finish; nil when no task has a start.
    public var span: Span?
    /// The tasks drawn one by one, by start time; empty when the run is drawn as ``concurrency``.
    public var tasks: [Task]
    /// The names along the critical path, first to last; empty without `needs`.
    public var criticalPath: [String]
    /// How many tasks ran at once, for runs of more than ``Limits/perTask`` tasks.
    public var concurrency: Concurrency?

    /// How much is drawn task by task.
    public struct Limits: Sendable {
        /// Up to this many tasks, each has a bar…
        public var bars = 60
        /// …and beyond this many, the chart shows how many ran at once instead.
        public var perTask = 300
        /// Time buckets of the concurrency chart.
        public var buckets = 60
        /// Tasks without a start time named in the note.
        public var namedWithoutStart = 5

        public init() {}
    }
}
