import Store

/// Where a run stands: which tasks wait on which, which are ready to start,
/// which are decided, and how many finished with each status. Every record
/// reaches the observers as soon as it is known.
struct RunProgress {
    let tasks: [TaskSpec]
    private let observers: [any RunObserver]
    /// `waitingOn[i]`: how many of task i's needs have not completed yet.
    private var waitingOn: [Int]
    /// `dependents[i]`: the tasks that need task i.
    private let dependents: [[Int]]
    /// Tasks whose needs all completed, in file order of becoming ready.
    private var ready: [Int]
    /// Tasks started, skipped or otherwise settled.
    private var decided: [Bool]
    private(set) var counts: [TaskStatus: Int] = [:]
    private var done = 0

    init(tasks: [TaskSpec], observers: [any RunObserver]) {
        self.tasks = tasks
        self.observers = observers
        let index = Dictionary(uniqueKeysWithValues: tasks.enumerated().map { ($1.id, $0) })
        var dependents = [[Int]](repeating: [], count: tasks.count)
        for (i, task) in tasks.enumerated() {
            for need in Set(task.needs) { dependents[index[need]!].append(i) }
        }
        self.dependents = dependents
        let waitingOn = tasks.map { Set($0.needs).count }
        self.waitingOn = waitingOn
        ready = tasks.indices.filter { waitingOn[$0] == 0 }
        decided = [Bool](repeating: false, count: tasks.count)
    }

    /// The next task to start, now decided; nil when none is ready.
    mutating func nextReady() -> Int? {
        guard !ready.isEmpty else { return nil }
        let i = ready.removeFirst()
        decided[i] = true
        return i
    }

    /// Task i ended with `record`: tells the observers, then readies its dependents when it completed,
    /// or skips them (and theirs) when it did not. After Ctrl-C they are not skipped: they never
    /// started, so they are cancelled with the run.
    mutating func finished(_ i: Int, _ record: TaskRecord) throws {
        try report(record)
        if record.status == .completed {
            for d in dependents[i] {
                waitingOn[d] -= 1
                if waitingOn[d] == 0, !decided[d] { ready.append(d) }
            }
        } else if record.status != .cancelled {
            try skipDependents(of: i)
        }
    }

    /// Records every task that never started as cancelled with the run.
    mutating func cancelUnstarted() throws {
        for i in tasks.indices where !decided[i] {
            decided[i] = true
            try report(TaskRecord(
                id: tasks[i].id, name: tasks[i].name, group: tasks[i].group, status: .cancelled, attempts: [],
                error: "not started: the run was cancelled"))
        }
    }

    /// Skips every task that needs task i, directly or through others, with an explicit stack:
    /// a chain of 100,000 tasks would overflow the thread's stack if this recursed.
    private mutating func skipDependents(of first: Int) throws {
        var pending = [first]
        while let i = pending.popLast() {
            for d in dependents[i] where !decided[d] {
                decided[d] = true
                try report(TaskRecord(
                    id: tasks[d].id, name: tasks[d].name, group: tasks[d].group, status: .skipped, attempts: [],
                    error: "needs '\(tasks[i].id)', which did not complete"))
                pending.append(d)
            }
        }
    }

    private mutating func report(_ record: TaskRecord) throws {
        done += 1
        counts[record.status, default: 0] += 1
        for observer in observers { try observer.finished(record, done: done, of: tasks.count) }
    }
}
