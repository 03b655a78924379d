/// Runs side by side: for records that carry two or more run ids.
public struct RunHistory: Sendable, Codable, Equatable {
    /// One run's figures.
    public struct Run: Sendable, Codable, Equatable {
        public var runId: String
        /// The earliest start time of its records, Unix seconds; nil when none has one.
        public var startedAt: Double?
        public var total: Int
        /// Records per status label (a label of ``RunHistory/statuses``); labels without records are absent.
        public var counts: [String: Int]
        public var successRate: Double?
        public var p95Ms: Double?
    }

    /// Every status label of every run, in display order.
    public var statuses: [StatusCount]
    /// Oldest first: by earliest start time, then by first appearance in the input.
    public var runs: [Run]
}
