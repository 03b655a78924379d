/// Duration figures over the records that have a duration, in milliseconds.
public struct DurationSummary: Sendable, Codable, Equatable {
    /// Records with a duration.
    public var count: Int
    /// Records without one (excluded from every other figure).
    public var missing: Int
    public var minMs: Double?
    public var maxMs: Double?
    public var meanMs: Double?
    /// Sample standard deviation (n − 1 in the denominator); 0 for one value.
    public var stddevMs: Double?
    public var totalMs: Double?
    /// Exact percentiles, numpy's linear interpolation.
    public var p50Ms: Double?
    public var p90Ms: Double?
    public var p95Ms: Double?
    public var p99Ms: Double?

    /// The quantiles behind `p50Ms` … `p99Ms`, in that order.
    public static let quantiles = [0.5, 0.9, 0.95, 0.99]
}
