/// One group's records: counts per status and duration percentiles.
public struct GroupStatistics: Sendable, Codable, Equatable {
    /// The group's name; records without a group are gathered under ``ungrouped``.
    public var name: String
    public var total: Int
    /// Records per status label (a label of ``TaskStatistics/statuses``); labels without records are absent,
    /// so the figures stay linear in size however many labels and groups there are.
    public var counts: [String: Int]
    /// Completed ÷ finished within the group; nil when none finished.
    public var successRate: Double?
    public var p50Ms: Double?
    public var p95Ms: Double?

    public init(name: String, total: Int, counts: [String: Int], successRate: Double?, p50Ms: Double?, p95Ms: Double?) {
        self.name = name
        self.total = total
        self.counts = counts
        self.successRate = successRate
        self.p50Ms = p50Ms
        self.p95Ms = p95Ms
    }

    /// The name shown for records that have no group.
    public static let ungrouped = "(no group)"
}
