/// One group's records: counts per status and duration percentiles.
public struct GroupStatistics: Sendable, Codable, Equatable {
    /// The group's name; records without a group are gathered under ``ungrouped``.
    public var name: String
    public var total: Int
    /// Counts aligned with ``TaskStatistics/statuses``: `counts[i]` records have status `statuses[i]`.
    public var counts: [Int]
    /// Completed ÷ finished within the group; nil when none finished.
    public var successRate: Double?
    public var p50Ms: Double?
    public var p95Ms: Double?

    /// The name shown for records that have no group.
    public static let ungrouped = "(no group)"
}
