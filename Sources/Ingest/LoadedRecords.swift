import TaskModel

/// What the inputs held: their records as one table, and the output tails of
/// those inputs that are taskreport stores.
public struct LoadedRecords {
    /// Every record of every input, in order.
    public let table: TaskTable
    /// A reader per store among the inputs, in order.
    public let stores: [StoredOutputReader]

    /// What the tasks that did not complete wrote, each attempt's, the last first, across the
    /// stores (the first store that has a task wins).
    /// - Parameter run: The run's id; nil for every run's.
    /// - Throws: ``IngestError`` when a store cannot be read.
    public func incompleteOutputs(run: String?) throws(IngestError) -> [String: [TaskOutput]] {
        var outputs: [String: [TaskOutput]] = [:]
        for store in stores {
            outputs.merge(try store.incompleteOutputs(run: run)) { first, _ in first }
        }
        return outputs
    }
}
