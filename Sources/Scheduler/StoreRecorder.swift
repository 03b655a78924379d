import Store

/// Commits every finished task to the store as soon as it is known.
public final class StoreRecorder: RunObserver {
    private let store: TaskStore
    private let runID: String

    /// Records into `store` under `runID`, which must have been begun there.
    public init(store: TaskStore, runID: String) {
        self.store = store
        self.runID = runID
    }

    public func started(_ task: TaskSpec, running: [String]) {}

    public func finished(_ task: TaskRecord, done: Int, of total: Int) throws {
        try store.record(task, run: runID)
    }
}
