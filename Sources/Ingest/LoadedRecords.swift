import TaskModel

/// What the inputs held: their records as one table, and a reader of each
/// input that is a taskreport store, for what it keeps beyond its records.
public struct LoadedRecords {
    /// Every record of every input, in order.
    public let table: TaskTable
    /// A reader per store among the inputs, in order.
    public let stores: [StoreReader]

    /// The attempts the stores kept (see ``StoreReader/attempts(run:)``), the last first; the first
    /// store that has a task wins.
    /// - Parameter run: The run's id; nil for every run's.
    /// - Throws: ``IngestError`` when a store cannot be read.
    public func attempts(run: String?) throws(IngestError) -> [String: [TaskAttempt]] {
        var attempts: [String: [TaskAttempt]] = [:]
        for store in stores {
            attempts.merge(try store.attempts(run: run)) { first, _ in first }
        }
        return attempts
    }

    /// The text of the task file `run` ran, from the first store that kept it; nil when none did.
    /// - Throws: ``IngestError`` when a store cannot be read.
    public func taskFileText(run: String) throws(IngestError) -> String? {
        for store in stores {
            if let text = try store.taskFileText(run: run) { return text }
        }
        return nil
    }
}
