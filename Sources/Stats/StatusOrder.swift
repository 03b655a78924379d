import TaskModel

/// The display order of a table's status labels: known kinds in their fixed
/// order, then by count (largest first), then by label.
struct StatusOrder {
    /// Counts in display order.
    let counts: [StatusCount]
    /// `position[code]`: where dictionary code `code` is shown.
    private let position: [Int]

    init(table: TaskTable) {
        let raw = StatsKernel.countCodes(table.status.codes, codeCount: table.status.entries.count)
        let total = max(table.count, 1)
        let unordered = table.status.entries.enumerated().map { code, label in
            (code, StatusCount(label: label, kind: StatusKind(label: label), count: Int(raw[code]),
                               share: Double(raw[code]) / Double(total)))
        }
        let ordered = unordered.sorted { a, b in
            (a.1.kind, -a.1.count, a.1.label) < (b.1.kind, -b.1.count, b.1.label)
        }
        var position = [Int](repeating: 0, count: ordered.count)
        for (place, entry) in ordered.enumerated() { position[entry.0] = place }
        self.counts = ordered.map(\.1)
        self.position = position
    }

    /// Values indexed by dictionary code, rearranged into display order.
    func reorder(_ byCode: [Int]) -> [Int] {
        var result = [Int](repeating: 0, count: byCode.count)
        for (code, value) in byCode.enumerated() { result[position[code]] = value }
        return result
    }

    /// Dictionary codes whose label's kind satisfies `predicate`.
    func codes(where predicate: (StatusKind) -> Bool) -> Set<Int32> {
        Set(position.indices.filter { predicate(counts[position[$0]].kind) }.map { Int32($0) })
    }

    /// Completed ÷ finished for counts in display order; nil when none finished.
    func successRate(of displayCounts: [Int]) -> Double? {
        var completed = 0, finished = 0
        for (count, status) in zip(displayCounts, counts) where status.kind.isFinished {
            finished += count
            if status.kind == .completed { completed += count }
        }
        return finished > 0 ? Double(completed) / Double(finished) : nil
    }
}
