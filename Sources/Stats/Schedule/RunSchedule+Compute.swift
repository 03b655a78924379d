import TaskModel

extension RunSchedule {
    /// Lays out the records at `rows` of `table` (one run's) in time.
    /// - Parameters:
    ///   - attempts: Each task's attempts as a store kept them, by ``TaskModel/TaskAttempt/key(run:id:)``.
    ///   - needs: The ids each task id needed, from the run's task file; empty when not known.
    ///   - limits: How many tasks are drawn one by one.
    public init(
        table: TaskTable, rows: [Int], attempts: [String: [TaskAttempt]] = [:], needs: [String: [String]] = [:],
        limits: Limits = Limits()
    ) {
        var placed: [Int] = [], spans: [Span] = [], unplaced: [String] = []
        for row in rows {
            let start = table.startedAt[row]
            guard !start.isNaN else {
                if unplaced.count < limits.namedWithoutStart { unplaced.append(Self.name(table, row)) }
                continue
            }
            let finish = table.finishedAt[row], ms = table.durationMs[row]
            let end = !finish.isNaN && finish >= start ? finish : start + (ms.isNaN ? 0 : ms / 1000)
            placed.append(row)
            spans.append(Span(start: start, end: end))
        }
        taskCount = placed.count
        withoutStart = rows.count - placed.count
        withoutStartNames = unplaced
        span = spans.isEmpty ? nil : Span(start: spans.map(\.start).min()!, end: spans.map(\.end).max()!)
        let path = needs.isEmpty ? [] : Self.criticalPath(ids: placed.map { table.id[$0] }, spans: spans, needs: needs)
        criticalPath = path.map { Self.name(table, placed[$0]) }
        guard let span else {
            (tasks, concurrency) = ([], nil)
            return
        }
        guard placed.count <= limits.perTask else {
            tasks = []
            concurrency = Concurrency(spans, from: span.start, to: span.end, buckets: limits.buckets)
            return
        }
        concurrency = nil
        let onPath = Set(path)
        let kinds = placed.map { StatusKind(label: table.status[$0]) }
        // The tasks that matter most: failures, the critical path, then the longest.
        let chosen = placed.indices.sorted { a, b in
            func rank(_ i: Int) -> (Int, Int, Double, Int) {
                (kinds[i].isFailure ? 0 : 1, onPath.contains(i) ? 0 : 1, spans[i].start - spans[i].end, i)
            }
            return rank(a) < rank(b)
        }.prefix(limits.bars).sorted { (spans[$0].start, $0) < (spans[$1].start, $1) }
        tasks = chosen.map { i in
            let row = placed[i]
            let stored = (attempts[TaskAttempt.key(run: table.runID[row], id: table.id[row])] ?? []).compactMap { a -> (Int, Attempt)? in
                guard let start = a.startedAt, let end = a.finishedAt else { return nil }
                return (a.number ?? 0, Attempt(span: Span(start: start, end: max(start, end)), kind: StatusKind(label: a.status)))
            }.sorted { $0.0 < $1.0 }.map(\.1)
            return Task(
                id: table.id[row], name: Self.name(table, row), group: table.group[row],
                status: table.status[row], kind: kinds[i], span: spans[i], attempts: stored.count > 1 ? stored : [Attempt(span: spans[i], kind: kinds[i])],
                onCriticalPath: onPath.contains(i))
        }
    }

    /// The record's name, or its id when it has none.
    static func name(_ table: TaskTable, _ row: Int) -> String {
        let name = table.name[row]
        return name.isEmpty ? table.id[row] : name
    }

    /// The indices of the chain of needs that ended last, first to last: from the task that
    /// finished last, back through the need of each that finished last. Empty without needs.
    static func criticalPath(ids: [String], spans: [Span], needs: [String: [String]]) -> [Int] {
        guard !needs.isEmpty, !spans.isEmpty else { return [] }
        var index: [String: Int] = [:]
        for (i, id) in ids.enumerated() { index[id] = i }
        func later(_ a: Int, _ b: Int) -> Bool { (spans[a].end, spans[a].start, -a) > (spans[b].end, spans[b].start, -b) }
        var current = spans.indices.max { later($1, $0) }!
        var path = [current]
        var seen: Set<Int> = [current]
        while let next = (needs[ids[current]] ?? []).compactMap({ index[$0] }).filter({ !seen.contains($0) }).max(by: { later($1, $0) }) {
            path.append(next)
            seen.insert(next)
            current = next
        }
        return path.reversed()
    }
}
