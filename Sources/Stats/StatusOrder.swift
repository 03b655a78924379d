import TaskModel

/// The display order of a table's status labels: known kinds in their fixed
/// order, then by count (largest first), then by label. Labels that no record
/// carries (a selection of rows keeps the whole dictionary) are left out.
struct StatusOrder {
    /// Counts in display order.
    let counts: [StatusCount]
    /// `position[code]`: where dictionary code `code` is shown; nil when no record has it.
    private let position: [Int?]

    init(table: TaskTable) {
        let raw = StatsKernel.countCodes(table.status.codes, codeCount: table.status.entries.count)
        let total = max(table.count, 1)
        let unordered = table.status.entries.enumerated().filter { raw[$0.offset] > 0 }.map { code, label in
            (code, StatusCount(label: label, kind: StatusKind(label: label), count: Int(raw[code]),
                               share: Double(raw[code]) / Double(total)))
        }
        let ordered = unordered.sorted { a, b in
            (a.1.kind, -a.1.count, a.1.label) < (b.1.kind, -b.1.count, b.1.label)
        }
        var position = [Int?](repeating: nil, count: table.status.entries.count)
        for (place, entry) in ordered.enumerated() { position[entry.0] = place }
        self.counts = ordered.map(\.1)
        self.position = position
    }

    /// Counts by label from counts by dictionary code (labels no record has are dropped).
    func tally(_ byCode: [(code: Int, count: Int)]) -> [String: Int] {
        var result: [String: Int] = [:]
        result.reserveCapacity(byCode.count)
        for (code, count) in byCode {
            if let place = position[code] { result[counts[place].label] = count }
        }
        return result
    }

    /// Dictionary codes, of labels some record has, whose kind satisfies `predicate`.
    func codes(where predicate: (StatusKind) -> Bool) -> Set<Int32> {
        Set(position.indices.filter { code in position[code].map { predicate(counts[$0].kind) } ?? false }.map { Int32($0) })
    }

    /// Completed ÷ finished of counts by dictionary code; nil when none finished.
    func successRate(of byCode: [(code: Int, count: Int)]) -> Double? {
        Self.successRate(byCode.compactMap { code, count in position[code].map { (counts[$0].kind, count) } })
    }

    /// Completed ÷ finished of every record; nil when none finished.
    var successRate: Double? { Self.successRate(counts.map { ($0.kind, $0.count) }) }

    private static func successRate(_ counts: [(kind: StatusKind, count: Int)]) -> Double? {
        var completed = 0, finished = 0
        for (kind, count) in counts where kind.isFinished {
            finished += count
            if kind == .completed { completed += count }
        }
        return finished > 0 ? Double(completed) / Double(finished) : nil
    }
}
