import TaskModel

/// How many records carry one status label.
public struct StatusCount: Sendable, Codable, Equatable {
    /// The label as written in the records.
    public var label: String
    /// What the label means; decides its order and colour.
    public var kind: StatusKind
    public var count: Int
    /// The share of all records, 0…1.
    public var share: Double
}
