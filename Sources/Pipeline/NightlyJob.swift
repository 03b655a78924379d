import Foundation
import Ingest
import Scheduler
import Store
import Support

/// A nightly run end to end: the task file read and checked, its tasks run
/// into the store, then the report written over the store.
///
/// Two steps, so that the caller can decide what stops each: ``runTasks()``
/// ends early when its task is cancelled (Ctrl-C), recording running and
/// waiting tasks as cancelled; ``report()`` then reports whatever was recorded.
public struct NightlyJob: Sendable {
    public let request: NightlyRequest
    /// The task file, read and checked.
    public let taskFile: TaskFile
    /// The taskreport version the report names.
    public let toolVersion: String

    /// Reads and checks the task file; nothing runs yet.
    /// - Throws: ``PipelineError/taskFile(_:)`` naming the file and the task or field at fault.
    public init(_ request: NightlyRequest, toolVersion: String) throws(PipelineError) {
        self.request = request
        self.toolVersion = toolVersion
        do {
            taskFile = try TaskFile(path: request.taskFile)
        } catch {
            throw .taskFile(error)
        }
    }

    /// Runs the tasks, recording each in the store as it finishes.
    /// - Returns: How the run ended.
    /// - Throws: ``PipelineError/store(_:)`` when the store cannot be opened or written.
    public func runTasks() async throws(PipelineError) -> RunSummary {
        let run = RunRecord(
            id: Self.newRunID(), taskFile: request.taskFile, taskFileText: taskFile.shareableText,
            host: ProcessInfo.processInfo.hostName, startedAt: Date())
        let scheduler = Scheduler(jobs: request.jobs ?? taskFile.concurrency ?? ProcessInfo.processInfo.activeProcessorCount)
        do {
            let store = try TaskStore(path: request.store)
            try store.begin(run)
            var observers: [any RunObserver] = [StoreRecorder(store: store, runID: run.id)]
            if request.showsProgress { observers.append(ProgressLog()) }
            let summary = try await scheduler.run(taskFile, observers: observers)
            try store.finish(run: run.id, at: Date(), outcome: summary.outcome)
            return summary
        } catch let error as StoreError {
            throw .store(error)
        } catch {
            // The scheduler throws only what its observers throw, and the recorder throws StoreError.
            throw .store(.cannotWrite(path: request.store, reason: "\(error)"))
        }
    }

    /// Writes the report over the store, as the request says.
    /// - Returns: The report, or nil when the request asks for none.
    /// - Throws: ``PipelineError`` as ``ReportJob/run()``.
    public func report() throws(PipelineError) -> ReportOutcome? {
        guard var report = request.report else { return nil }
        report.inputs = [request.store]
        report.loader = TaskLoader()
        report.scope = .latest
        report.title = request.title ?? taskFile.name
        return try ReportJob(report, toolVersion: toolVersion).run()
    }

    /// A run id that sorts by time and does not collide: `20261124T013000Z-3f9a`.
    static func newRunID() -> String {
        let now = UTCTime(seconds: Date().timeIntervalSince1970)
        let stamp = "\(UTCTime.digits(now.year, 4))\(UTCTime.digits(now.month, 2))\(UTCTime.digits(now.day, 2))T"
            + "\(UTCTime.digits(now.hour, 2))\(UTCTime.digits(now.minute, 2))\(UTCTime.digits(now.second, 2))Z"
        let suffix = String(UInt16.random(in: .min ... .max), radix: 16)
        return stamp + "-" + String(repeating: "0", count: 4 - suffix.count) + suffix
    }
}
