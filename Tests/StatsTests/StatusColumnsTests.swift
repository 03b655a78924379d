import Testing
import TestSupport

@testable import Stats

@Suite("many labels, groups and runs: sparse counts and at most 20 status columns")
struct StatusColumnsTests {
    /// Both ways of counting pairs give the same answer: the dense table and the hash table.
    @Test("pair counts are the same whether counted densely or sparsely", arguments: [4, 40_000])
    func pairCounts(distinct: Int) {
        // Each record its own group and one of `distinct` statuses: groups × statuses far beyond the dense limit
        // when `distinct` is large.
        let n = 20_000
        let groups = (0..<n).map { Int32($0 % 5000) }
        let statuses = (0..<n).map { Int32(($0 * 7) % distinct) }
        let counts = PairCounts.count(first: groups, second: statuses, firstCount: 5000, secondCount: distinct)
        var expected = [[Int: Int]](repeating: [:], count: 5000)
        for (g, s) in zip(groups, statuses) { expected[Int(g)][Int(s), default: 0] += 1 }
        #expect(counts.count == 5000)
        for g in 0..<5000 {
            #expect(counts[g].map(\.code) == expected[g].keys.sorted(), "codes in order, only those that occur")
            #expect(Dictionary(uniqueKeysWithValues: counts[g].map { ($0.code, $0.count) }) == expected[g])
        }
    }

    @Test("100,000 distinct statuses and groups: counts stay one per record")
    func manyLabels() {
        var b = TableBuilder()
        for i in 0..<100_000 { b.add(status: "s\(i)", group: "g\(i)", durationMs: Double(i), startedAt: Double(i)) }
        let s = TaskStatistics(table: b.table)
        #expect(s.statuses.count == 100_000 && s.groups.count == 100_000)
        #expect(s.groups.allSatisfy { $0.counts.count == 1 && $0.total == 1 })
        #expect(s.timeline!.buckets.reduce(0) { $0 + $1.count } == 100_000, "one label per record, each in one bucket")
    }

    @Test("at most 20 columns: the first 19 labels and one for the rest, which folds their counts")
    func fold() {
        let statuses = (0..<25).map { StatusCount(label: "s\($0)", kind: .other, count: 25 - $0, share: 0.04) }
        let columns = StatusColumns(statuses)
        #expect(columns.columns.count == 20 && columns.mergedLabels == 6)
        #expect(columns.columns.last!.label == "6 other labels")
        #expect(columns.columns.last!.count == (0..<6).reduce(0) { $0 + (6 - $1) })
        #expect(columns.fold(["s0": 3, "s19": 2, "s24": 1, "s1": 5]) == [3, 5] + Array(repeating: 0, count: 17) + [3])
        let few = StatusColumns(Array(statuses.prefix(3)))
        #expect(few.mergedLabels == 0 && few.fold(["s2": 4]) == [0, 0, 4])
    }
}
