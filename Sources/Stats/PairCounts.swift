/// How often each pair of dictionary codes occurs (a group and a status, a
/// run and a status, a time bucket and a status), kept sparse.
///
/// A dense table of every pair costs the product of the two dictionaries'
/// sizes, which is quadratic when both grow with the records (a log where
/// every record has a status and a group of its own). The table is dense
/// only while it is no larger than a few times the records; beyond that the
/// pairs that occur are counted in a hash table. Either way the result holds
/// only the pairs that occur, at most one per record.
enum PairCounts {
    /// For each first code in `0..<firstCount`, the second codes that occur with it
    /// and how often, in second-code order. Records whose first code is negative are skipped.
    static func count(
        first: [Int32], second: [Int32], firstCount: Int, secondCount: Int
    ) -> [[(code: Int, count: Int)]] {
        precondition(first.count == second.count, "one first and one second code per record")
        var result = [[(code: Int, count: Int)]](repeating: [], count: firstCount)
        let (product, overflow) = firstCount.multipliedReportingOverflow(by: secondCount)
        if !overflow, product <= denseLimit(records: first.count) {
            let table = StatsKernel.countPairs(first, second, aCount: firstCount, bCount: secondCount)
            for a in 0..<firstCount {
                let row = table[(a * secondCount)..<((a + 1) * secondCount)]
                for (offset, count) in row.enumerated() where count > 0 {
                    result[a].append((offset, Int(count)))
                }
            }
            return result
        }
        var counts: [UInt64: Int] = [:]
        for (a, b) in zip(first, second) where a >= 0 {
            counts[UInt64(UInt32(a)) << 32 | UInt64(UInt32(b)), default: 0] += 1
        }
        for (key, count) in counts {
            result[Int(key >> 32)].append((Int(key & 0xFFFF_FFFF), count))
        }
        for a in result.indices where result[a].count > 1 {
            result[a].sort { $0.code < $1.code }
        }
        return result
    }

    /// The largest dense table worth its memory for `records` records.
    static func denseLimit(records: Int) -> Int {
        max(4 * records, 1 << 16)
    }
}
