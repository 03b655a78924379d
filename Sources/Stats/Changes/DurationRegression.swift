/// A task whose p95 duration (its duration, with one record per run) grew
/// beyond the threshold since the baseline.
public struct DurationRegression: Sendable, Codable, Equatable {
    /// The task's name, or its id when it has none.
    public var name: String
    public var group: String
    public var baselineMs: Double
    public var currentMs: Double
    /// current ÷ baseline − 1: 0.5 is 50% slower; nil when the baseline took no time.
    public var growth: Double?
    /// The task's p95 in each run compared, oldest first; nil where it has no duration.
    public var trendMs: [Double?]
}
