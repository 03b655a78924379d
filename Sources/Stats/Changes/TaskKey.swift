import TaskModel

/// Who a task is across runs: its group and its name (its id when it has no
/// name). Two tests of the same name in different classes, `TestDb.test_get`
/// and `TestApi.test_get`, are different tasks.
public struct TaskKey: Sendable, Hashable, Comparable {
    public var group: String
    /// The record's name, or its id when the name is empty.
    public var name: String

    /// The key of record `row` of `table`.
    init(table: TaskTable, row: Int) {
        let name = table.name[row]
        self.init(group: table.group[row], name: name.isEmpty ? table.id[row] : name)
    }

    public init(group: String, name: String) {
        self.group = group
        self.name = name
    }

    /// By name, then by group, as lists of tasks are read.
    public static func < (a: TaskKey, b: TaskKey) -> Bool {
        (a.name, a.group) < (b.name, b.group)
    }
}
