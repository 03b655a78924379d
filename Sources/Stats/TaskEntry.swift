import Support
import TaskModel

/// One record as listed in the report (slowest tasks, failures).
public struct TaskEntry: Sendable, Codable, Equatable {
    public var id: String
    public var name: String
    public var group: String
    public var status: String
    public var kind: StatusKind
    public var durationMs: Double?
    public var startedAt: Double?
    public var exitCode: Int?
    public var attempts: Int?
    /// The record's error text, shortened to ``maximumErrorLength`` Unicode scalars.
    public var error: String

    /// Longer error texts are cut here, with an ellipsis.
    public static let maximumErrorLength = DisplayText.errorLimit

    /// Reads record `index` of `table`.
    public init(table: TaskTable, index i: Int) {
        func optional(_ value: Double) -> Double? { value.isNaN ? nil : value }
        func optional(_ value: Int32) -> Int? { value == TaskTable.missingInteger ? nil : Int(value) }
        id = table.id[i]
        name = table.name[i]
        group = table.group[i]
        status = table.status[i]
        kind = StatusKind(label: status)
        durationMs = optional(table.durationMs[i])
        startedAt = optional(table.startedAt[i])
        exitCode = optional(table.exitCode[i])
        attempts = optional(table.attempts[i])
        error = Self.shortened(table.error[i])
    }

    /// `text` cut to ``maximumErrorLength`` Unicode scalars, the last an ellipsis when cut.
    public static func shortened(_ text: String) -> String {
        DisplayText.cut(text, to: maximumErrorLength)
    }
}
