/// A task whose outcome changed between the baseline run and the current one.
public struct ChangedTask: Sendable, Codable, Equatable {
    /// The task's name, or its id when it has none.
    public var name: String
    public var group: String
    /// The status label now and in the baseline.
    public var status: String
    public var baselineStatus: String
    public var exitCode: Int?
    /// The error of the current run's record, shortened like the failures list's.
    public var error: String
}
