import Foundation
import Testing
import TestSupport

@testable import Stats

@Suite("the C kernel's own contracts")
struct KernelTests {
    @Test("missing values (NaN) are dropped and the rest keep their order")
    func compact() {
        #expect(StatsKernel.compact([1, .nan, 3, .nan, .nan, 2]) == [1, 3, 2])
        #expect(StatsKernel.compact([.nan, .nan]).isEmpty)
    }

    @Test("an empty column has a count of zero and NaN figures")
    func emptySummary() {
        let s = StatsKernel.summarize([])
        #expect(s.count == 0)
        #expect(s.mean.isNaN && s.min.isNaN && s.stddev.isNaN)
        var none: [Double] = []
        #expect(StatsKernel.percentiles(&none, quantiles: [0.5]).first!.isNaN)
    }

    @Test("every value lands in the log bin whose edges hold it; outliers go to the end bins")
    func logHistogram() {
        var values: [Double] = [0, 0.5, 1, 9.99, 10, 10.0000001, 99.9, 100, 1000, 1e4, 5e4]
        values += (1...500).map { pow(10, Double($0) / 125) }  // 1 … 10⁴, many exactly on edges
        let (edges, counts) = StatsKernel.histogram(values, scale: .log, low: 1, high: 1e4, bins: 8)
        #expect(counts.reduce(0, +) == UInt64(values.count))
        var expected = [UInt64](repeating: 0, count: 8)
        for v in values {
            // Independent rule: the last edge not above v, clamped to the bins.
            let bin = v < edges[0] ? 0 : Swift.min(7, (edges.lastIndex { $0 <= v })!)
            expected[bin] += 1
        }
        #expect(counts == expected)
        #expect(abs(edges[2] - 10) < 1e-9 && abs(edges[4] - 100) < 1e-9)
    }

    @Test("log bins wide or narrow: every value lands in the bin whose edges hold it", arguments: [
        (1.0, 1e7, 30), (0.001, 1e9, 60), (265.74, 305.845, 891), (3.79e-6, 5.75e-6, 903), (1.0, 1.0001, 1024), (5.0, 7.0, 1),
    ])
    func logHistogramAnyWidth(low: Double, high: Double, bins: Int) {
        // Bins narrower than cells of the doubles' top bits, and narrower than the estimated logarithm's
        // error, take other paths than wide ones; each must land every value exactly.
        let edges = StatsKernel.histogram([], scale: .log, low: low, high: high, bins: bins).edges
        var numbers = SeededNumbers(seed: UInt64(bins))
        var values: [Double] = [0, -3, .infinity, .leastNonzeroMagnitude, low / 2, high * 2, low, high]
        for _ in 0..<20_000 {
            let edge = edges[Int(numbers.next(UInt64(bins + 1)))]
            switch numbers.next(3) {
            case 0: values.append(edge)
            case 1: values.append(edge.nextDown)
            default: values.append(low * pow(high / low, Double(numbers.next(1 << 20)) / Double(1 << 20) * 1.2 - 0.1))
            }
        }
        let counts = StatsKernel.histogram(values, scale: .log, low: low, high: high, bins: bins).counts
        var expected = [UInt64](repeating: 0, count: bins)
        for v in values {
            // Independent rule: the last edge not above v, clamped to the bins.
            let bin = v < edges[0] ? 0 : Swift.min(bins - 1, (edges.lastIndex { $0 <= v })!)
            expected[bin] += 1
        }
        #expect(counts == expected)
    }

    @Test("codes and pairs are counted")
    func counting() {
        #expect(StatsKernel.countCodes([0, 2, 2, 1, 2], codeCount: 4) == [1, 1, 3, 0])
        #expect(StatsKernel.countPairs([0, 1, 1, 0], [1, 1, 0, 1], aCount: 2, bCount: 2) == [0, 2, 1, 1])
    }

    @Test("codes are counted alike, few or many, in runs or scattered, whatever the count's remainder by four",
          arguments: [(7, 1003), (64, 4096), (65, 999), (3000, 10_001), (1, 2)])
    func countingAnyCodes(codeCount: Int, length: Int) {
        var numbers = SeededNumbers(seed: UInt64(codeCount * length))
        var codes: [Int32] = []
        while codes.count < length {  // runs of one code, as statuses come, between scattered ones
            let code = Int32(numbers.next(UInt64(codeCount)))
            codes += [Int32](repeating: code, count: Int(numbers.next(6)) + 1)
        }
        codes = Array(codes.prefix(length))
        var expected = [UInt64](repeating: 0, count: codeCount)
        for code in codes { expected[Int(code)] += 1 }
        #expect(StatsKernel.countCodes(codes, codeCount: codeCount) == expected)
    }

    @Test("values are grouped by code in input order, NaN left out")
    func partition() {
        let (values, offsets) = StatsKernel.partition([1, 2, .nan, 4, 5], by: [1, 0, 1, 1, 0], codeCount: 3)
        #expect(offsets == [0, 2, 4, 4])
        #expect(Array(values.prefix(4)) == [2, 5, 1, 4])
    }

    @Test("time buckets of unequal widths: a start belongs to its own bucket; NaN and early times get -1; late ones the last")
    func timeBuckets() {
        let buckets = StatsKernel.bucketCodes([100, 105, 119.9, 120, .nan, 99, 500, 131, 130.999], starts: [100, 110, 120, 131])
        #expect(buckets == [0, 0, 1, 2, -1, -1, 3, 3, 2])
        #expect(StatsKernel.bucketCodes([5, 4], starts: [5]) == [0, -1], "one bucket")
    }

    @Test("pairs with a negative first code are not counted")
    func pairsSkipNegative() {
        #expect(StatsKernel.countPairs([0, -1, 1, 1], [1, 0, 0, 0], aCount: 2, bCount: 2) == [0, 1, 2, 0])
    }

    @Test("top k returns the largest first, ties in input order, NaN skipped")
    func topK() {
        let values: [Double] = [5, .nan, 9, 1, 9, 7, 3]
        #expect(StatsKernel.topK(values, k: 3) == [2, 4, 5])
        #expect(StatsKernel.topK(values, k: 10) == [2, 4, 5, 0, 6, 3])
        #expect(StatsKernel.topK(values, k: 0).isEmpty)
    }

    @Test("selection survives adversarial orders (sorted, reversed, organ pipe, all equal)")
    func selectionPatterns() {
        let n = 20_001
        let patterns: [[Double]] = [
            (0..<n).map(Double.init),
            (0..<n).reversed().map(Double.init),
            (0..<n).map { Double(Swift.min($0, n - $0)) },
            [Double](repeating: 3, count: n),
        ]
        for pattern in patterns {
            let sorted = pattern.sorted()
            var work = pattern
            let got = StatsKernel.percentiles(&work, quantiles: [0.5, 0.99, 0.01])
            let expected = [0.5, 0.99, 0.01].map { q -> Double in
                let h = q * Double(n - 1)
                let lo = Int(h.rounded(.down))
                return sorted[lo] + (sorted[Swift.min(lo + 1, n - 1)] - sorted[lo]) * (h - Double(lo))
            }
            #expect(zip(got, expected).allSatisfy { close($0, $1, relative: 1e-12) })
        }
    }
}
