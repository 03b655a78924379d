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
        let ordered = unordered.sorted { Self.displayOrder($0.1, $1.1) }
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

    /// Whether `a` is shown before `b`: by kind in its fixed order, then most records first, then by label.
    static func displayOrder(_ a: StatusCount, _ b: StatusCount) -> Bool {
        (a.kind, -a.count, a.label) < (b.kind, -b.count, b.label)
    }

    /// The counts of several tables as one list: counts of the same label added, shares of the sum, in display order.
    static func merged(_ lists: [[StatusCount]]) -> [StatusCount] {
        var byLabel: [String: StatusCount] = [:]
        for count in lists.joined() {
            byLabel[count.label, default: StatusCount(label: count.label, kind: count.kind, count: 0, share: 0)].count += count.count
        }
        let total = max(byLabel.values.reduce(0) { $0 + $1.count }, 1)
        return byLabel.values.map { count in
            var shared = count
            shared.share = Double(count.count) / Double(total)
            return shared
        }.sorted(by: displayOrder)
    }

    /// The success rate (see ``successRate``) of counts by dictionary code.
    func successRate(of byCode: [(code: Int, count: Int)]) -> Double? {
        Self.successRate(byCode.compactMap { code, count in position[code].map { (counts[$0].kind, count) } })
    }

    /// Completed ÷ finished of every record; nil when none completed or failed (every outcome skipped,
    /// cancelled, pending or unknown): a rate of 0 % would call that a disaster.
    var successRate: Double? { Self.successRate(counts.map { ($0.kind, $0.count) }) }

    private static func successRate(_ counts: [(kind: StatusKind, count: Int)]) -> Double? {
        var completed = 0, failed = 0, finished = 0
        for (kind, count) in counts where kind.isFinished {
            finished += count
            if kind == .completed { completed += count }
            if kind.isFailure { failed += count }
        }
        return completed + failed > 0 ? Double(completed) / Double(finished) : nil
    }
}
