/// What changed between a baseline run and the current one: for nightly
/// readers and CI gates. Lists are capped at ``TaskStatistics/Options/changeLimit``
/// entries; the counts count them all.
public struct RunChanges: Sendable, Codable, Equatable {
    /// The run compared against: its run id, or empty when its records carry none.
    public var baselineRun: String
    /// The run described: its run id, or empty.
    public var currentRun: String
    /// The runs the flaky and trend columns look at, oldest first (the baseline among them).
    public var runsCompared: [String]
    /// The fraction of growth that makes a regression (0.25 for `--regression 25%`).
    public var regressionThreshold: Double
    /// Smaller growth, in milliseconds, is never a regression, whatever its ratio.
    public var regressionFloorMs: Double

    /// Failed now, completed in the baseline; by name.
    public var newFailures: [ChangedTask]
    public var newFailureCount: Int
    /// Failed in the baseline, completed now; by name.
    public var fixed: [ChangedTask]
    public var fixedCount: Int
    /// Most flips first, then by name.
    public var flaky: [FlakyTask]
    public var flakyCount: Int
    /// Largest growth in milliseconds first.
    public var regressions: [DurationRegression]
    public var regressionCount: Int
}
