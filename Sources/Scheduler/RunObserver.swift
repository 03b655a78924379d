import Store

/// Hears what the scheduler does, in order, from the scheduler's own task.
public protocol RunObserver: AnyObject {
    /// A task starts its first attempt; `running` lists every task running now, this one included.
    func started(_ task: TaskSpec, running: [String])
    /// A task is over: completed, failed, timed out, skipped or cancelled.
    /// - Throws: to stop the run (for example when the store cannot be written).
    func finished(_ task: TaskRecord, done: Int, of total: Int) throws
}
