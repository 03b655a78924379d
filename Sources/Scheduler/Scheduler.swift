import Foundation
import Store

/// Runs the tasks of a task file: at most `jobs` at once, each after the tasks it needs.
///
/// A task whose dependency did not complete is skipped without running. When
/// the calling task is cancelled (Ctrl-C), running tasks are stopped — their
/// process groups get SIGTERM, then SIGKILL — and recorded as cancelled, as
/// are the tasks that had not started. Every outcome reaches the observers
/// as soon as it is known.
public struct Scheduler: Sendable {
    /// Tasks at once.
    public var jobs: Int
    /// Time between SIGTERM and SIGKILL when a process group is stopped.
    public var grace: Duration

    /// - Parameters:
    ///   - jobs: At most this many tasks run at once (at least 1).
    ///   - grace: How long stopped tasks get to exit before SIGKILL.
    public init(jobs: Int, grace: Duration = .seconds(5)) {
        self.jobs = max(1, jobs)
        self.grace = grace
    }

    /// Runs every task of `file`.
    /// - Returns: How the run ended.
    /// - Throws: What an observer threw; running tasks are then stopped first.
    public func run(_ file: TaskFile, observers: [any RunObserver]) async throws -> RunSummary {
        var progress = RunProgress(tasks: file.tasks, observers: observers)
        let executor = TaskExecutor(commands: CommandRunner(grace: grace))
        var failure: (any Error)?
        await withTaskGroup(of: (Int, TaskRecord).self) { group in
            var running: [Int] = []
            func launch() {
                while running.count < jobs, !Task.isCancelled, failure == nil, let i = progress.nextReady() {
                    running.append(i)
                    let task = progress.tasks[i]
                    for observer in observers { observer.started(task, running: running.map { progress.tasks[$0].id }) }
                    group.addTask { (i, await executor.execute(task)) }
                }
            }
            launch()
            while let (i, record) = await group.next() {
                running.removeAll { $0 == i }
                guard failure == nil else { continue }
                do {
                    try progress.finished(i, record)
                } catch {
                    failure = error
                    group.cancelAll()
                }
                launch()
            }
        }
        if let failure { throw failure }
        try progress.cancelUnstarted()
        return RunSummary(counts: progress.counts, wasCancelled: Task.isCancelled)
    }
}
