import TaskModel
import Testing
import TestSupport

@testable import Stats

/// The statistics group a table's rows by run in one list of 32-bit row numbers, and gather each run's
/// durations from it; both must agree with the plain way of doing the same.
@Suite("rows grouped by run")
struct RunRowsTests {
    /// 5,000 records of 7 runs interleaved at random (seeded: the same table on every run), a tenth of
    /// them without a duration, and run "gone" in the dictionary with no record of its own.
    static let table: TaskTable = {
        var numbers = SeededNumbers(seed: 0x2545_F491_4F6C_DD1D)
        var b = TableBuilder()
        b.add(status: "completed", durationMs: 1, startedAt: 0, run: "gone")
        for _ in 0..<5_000 {
            let status = ["completed", "failed", "skipped"][Int(numbers.next(3))]
            let duration = numbers.next(10) == 0 ? nil : Double(numbers.next(1_000_000)) / 7
            b.add(status: status, durationMs: duration, startedAt: Double(numbers.next(10_000)), run: "r\(numbers.next(7))")
        }
        return b.table.selecting(Array(1...5_000))  // keeps "gone" in the dictionary
    }()

    @Test("each run's rows are those with its code, in input order; a code no record has has none")
    func grouping() {
        let rows = RunRows(Self.table)
        let codes = Self.table.runID.codes
        for code in Self.table.runID.entries.indices {
            let expected = codes.indices.filter { codes[$0] == Int32(code) }
            #expect(rows[code].map(Int.init) == expected, "run \(Self.table.runID.entries[code])")
            #expect(rows.count(of: code) == expected.count)
            #expect(rows.first(of: code) == expected.first)
        }
        #expect(rows.count(of: 0) == 0, "the run without records")
    }

    @Test("per-run figures from the grouped rows equal those from the durations partitioned by run")
    func breakdownFromRows() {
        let table = Self.table
        let statuses = StatusOrder(table: table)
        let fromRows = CodeBreakdown.of(table.runID, in: table, statuses: statuses, quantiles: [0.5, 0.95],
                                        rows: RunRows(table))
        let partitioned = CodeBreakdown.of(table.runID, in: table, statuses: statuses, quantiles: [0.5, 0.95])
        #expect(fromRows.count == partitioned.count)
        for (a, b) in zip(fromRows, partitioned) {
            #expect(a.percentiles == b.percentiles)
            #expect(a.counts == b.counts && a.total == b.total && a.successRate == b.successRate)
        }
        #expect(fromRows.contains { $0.percentiles[0] != nil }, "the figures are not all empty")
    }
}
