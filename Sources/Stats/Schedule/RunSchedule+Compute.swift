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
        // A first pass counts and measures; the tasks are gathered one by one only when they will be
        // drawn so (or have needs to follow), so a run of a million tasks costs no arrays of them.
        var count = 0, first = Double.infinity, last = -Double.infinity, unplaced: [String] = []
        for row in rows {
            guard let span = Self.span(table, row) else {
                if unplaced.count < limits.namedWithoutStart { unplaced.append(Self.name(table, row)) }
                continue
            }
            count += 1
            first = min(first, span.start)
            last = max(last, span.end)
        }
        taskCount = count
        withoutStart = rows.count - count
        withoutStartNames = unplaced
        span = count == 0 ? nil : Span(start: first, end: last)
        guard let span else {
            (tasks, criticalPath, concurrency) = ([], [], nil)
            return
        }
        if count > limits.perTask, needs.isEmpty {
            (tasks, criticalPath) = ([], [])
            concurrency = Concurrency(rows.lazy.compactMap { Self.span(table, $0) }, from: span.start, to: span.end,
                                      buckets: limits.buckets)
            return
        }
        let placed = rows.filter { !table.startedAt[$0].isNaN }
        let spans = placed.map { Self.span(table, $0)! }
        let path = needs.isEmpty ? [] : Self.criticalPath(ids: placed.map { table.id[$0] }, spans: spans, needs: needs)
        criticalPath = path.map { Self.name(table, placed[$0]) }
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

    /// When the record at `row` ran: from its start to its finish, or to its start plus its duration
    /// when it has no finish (or one before its start); nil without a start.
    static func span(_ table: TaskTable, _ row: Int) -> Span? {
        let start = table.startedAt[row]
        guard !start.isNaN else { return nil }
        let finish = table.finishedAt[row], ms = table.durationMs[row]
        return Span(start: start, end: !finish.isNaN && finish >= start ? finish : start + (ms.isNaN ? 0 : ms / 1000))
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
