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

    /// Creates a scheduler.
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
        let tasks = file.tasks
        let index = Dictionary(uniqueKeysWithValues: tasks.enumerated().map { ($1.id, $0) })
        var waitingOn = tasks.map { Set($0.needs).count }
        var dependents = [[Int]](repeating: [], count: tasks.count)
        for (i, task) in tasks.enumerated() {
            for need in Set(task.needs) { dependents[index[need]!].append(i) }
        }
        var ready = tasks.indices.filter { waitingOn[$0] == 0 }
        var decided = [Bool](repeating: false, count: tasks.count)
        var counts: [TaskStatus: Int] = [:]
        var done = 0
        let executor = TaskExecutor(commands: CommandRunner(grace: grace))

        func finish(_ record: TaskRecord) throws {
            done += 1
            counts[record.status, default: 0] += 1
            for observer in observers { try observer.finished(record, done: done, of: tasks.count) }
        }

        /// Skips every task that (transitively) needs `i`, which did not complete.
        func skipDependents(of i: Int) throws {
            for d in dependents[i] where !decided[d] {
                decided[d] = true
                try finish(TaskRecord(
                    id: tasks[d].id, name: tasks[d].name, group: tasks[d].group, status: .skipped, attempts: [],
                    error: "needs '\(tasks[i].id)', which did not complete"))
                try skipDependents(of: d)
            }
        }

        var failure: (any Error)?
        await withTaskGroup(of: (Int, TaskRecord).self) { group in
            var running: [Int] = []
            func launch() {
                while running.count < jobs, !ready.isEmpty, !Task.isCancelled, failure == nil {
                    let i = ready.removeFirst()
                    decided[i] = true
                    running.append(i)
                    let task = tasks[i]
                    for observer in observers { observer.started(task, running: running.map { tasks[$0].id }) }
                    group.addTask { (i, await executor.execute(task)) }
                }
            }
            launch()
            while let (i, record) = await group.next() {
                running.removeAll { $0 == i }
                guard failure == nil else { continue }
                do {
                    try finish(record)
                    if record.status == .completed {
                        for d in dependents[i] {
                            waitingOn[d] -= 1
                            if waitingOn[d] == 0, !decided[d] { ready.append(d) }
                        }
                    } else if record.status != .cancelled {
                        // After Ctrl-C, dependents are not skipped: they never started, so they are cancelled.
                        try skipDependents(of: i)
                    }
                } catch {
                    failure = error
                    group.cancelAll()
                }
                launch()
            }
        }
        if let failure { throw failure }

        // Whatever never started was cancelled with the run.
        for i in tasks.indices where !decided[i] {
            try finish(TaskRecord(
                id: tasks[i].id, name: tasks[i].name, group: tasks[i].group, status: .cancelled, attempts: [],
                error: "not started: the run was cancelled"))
        }
        return RunSummary(counts: counts, wasCancelled: Task.isCancelled)
    }
}
