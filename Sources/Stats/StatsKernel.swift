import CStatsKernel

/// Swift's door to the C statistics kernel; the only file that imports it.
///
/// Each function hands contiguous arrays to the kernel and returns Swift
/// values. See `stats_kernel.h` for the contracts.
enum StatsKernel {
    /// The non-NaN values of `values`, in order.
    static func compact(_ values: [Double]) -> [Double] {
        [Double](unsafeUninitializedCapacity: values.count) { buffer, count in
            count = sk_compact(values, values.count, buffer.baseAddress)
        }
    }

    /// Count, minimum, maximum, mean and sample standard deviation of dense values.
    static func summarize(_ dense: [Double]) -> sk_summary {
        var summary = sk_summary()
        sk_summarize(dense, dense.count, &summary)
        return summary
    }

    /// Minimum, maximum and count of the non-NaN values.
    static func range(_ values: [Double]) -> (min: Double, max: Double, count: Int) {
        var low = 0.0, high = 0.0
        let count = sk_range(values, values.count, &low, &high)
        return (low, high, count)
    }

    /// Exact percentiles with numpy's linear interpolation; reorders `dense`.
    /// - Parameter quantiles: Values in [0, 1], at most 16.
    static func percentiles(_ dense: inout [Double], quantiles: [Double]) -> [Double] {
        percentiles(&dense, in: dense.indices, quantiles: quantiles)
    }

    /// The percentiles of `values[range]` alone, as `percentiles(_:quantiles:)` gives them; reorders that
    /// range only, so that groups partitioned into one array need no copy each.
    static func percentiles(_ values: inout [Double], in range: Range<Int>, quantiles: [Double]) -> [Double] {
        precondition(quantiles.count <= Int(SK_MAX_QUANTILES), "at most \(SK_MAX_QUANTILES) quantiles at once")
        precondition(range.clamped(to: values.indices) == range, "a range of the values")
        var out = [Double](repeating: .nan, count: quantiles.count)
        values.withUnsafeMutableBufferPointer {
            sk_percentiles($0.baseAddress.map { $0 + range.lowerBound }, range.count, quantiles, quantiles.count, &out)
        }
        return out
    }

    /// The percentiles of each code's values (`codes[i]` is the code of `values[i]`, below `codeCount`), in
    /// code order, NaN values left out: one partition by code, then each code's range taken in place. A
    /// code without values gets NaN for each quantile.
    static func percentiles(of values: [Double], by codes: [Int32], codeCount: Int, quantiles: [Double]) -> [[Double]] {
        var (grouped, offsets) = partition(values, by: codes, codeCount: codeCount)
        return (0..<codeCount).map { percentiles(&grouped, in: offsets[$0]..<offsets[$0 + 1], quantiles: quantiles) }
    }

    /// Bins over [low, high]: equal widths (numpy.histogram's edge rule), or equal
    /// ratios with values outside going to the end bins.
    static func histogram(
        _ dense: [Double], scale: Histogram.Scale, low: Double, high: Double, bins: Int
    ) -> (edges: [Double], counts: [UInt64]) {
        let (count, edge) = scale == .linear
            ? (sk_histogram_linear, sk_histogram_edges_linear) : (sk_histogram_log, sk_histogram_edges_log)
        var counts = [UInt64](repeating: 0, count: bins)
        var edges = [Double](repeating: 0, count: bins + 1)
        count(dense, dense.count, low, high, bins, &counts)
        edge(low, high, bins, &edges)
        return (edges, counts)
    }

    /// How often each code in [0, codeCount) occurs.
    static func countCodes(_ codes: [Int32], codeCount: Int) -> [UInt64] {
        var counts = [UInt64](repeating: 0, count: codeCount)
        sk_count_codes(codes, codes.count, codeCount, &counts)
        return counts
    }

    /// Row-major table of pair counts: `result[a * bCount + b]`; pairs with a negative `a` are skipped.
    static func countPairs(_ a: [Int32], _ b: [Int32], aCount: Int, bCount: Int) -> [UInt64] {
        var counts = [UInt64](repeating: 0, count: aCount * bCount)
        sk_count_pairs(a, b, a.count, aCount, bCount, &counts)
        return counts
    }

    /// The non-NaN values grouped by code: values of code c are `values[offsets[c]..<offsets[c+1]]`.
    static func partition(_ values: [Double], by codes: [Int32], codeCount: Int) -> (values: [Double], offsets: [Int]) {
        var offsets = [Int](repeating: 0, count: codeCount + 1)
        let grouped = [Double](unsafeUninitializedCapacity: values.count) { buffer, count in
            count = offsets.withUnsafeMutableBytes { raw in
                sk_partition_by_code(values, codes, values.count, codeCount,
                                     raw.baseAddress!.assumingMemoryBound(to: Int.self), buffer.baseAddress)
            }
        }
        return (grouped, offsets)
    }

    /// The bucket of each time: bucket `b` holds `starts[b] ..< starts[b + 1]`, the last everything from its
    /// start on; -1 for NaN and times before `starts[0]`. `starts` is increasing and not empty.
    static func bucketCodes(_ times: [Double], starts: [Double]) -> [Int32] {
        [Int32](unsafeUninitializedCapacity: times.count) { buffer, count in
            sk_bucket_codes(times, times.count, starts, starts.count, buffer.baseAddress)
            count = times.count
        }
    }

    /// Indices of the `k` largest non-NaN values, largest first, ties in input order.
    static func topK(_ values: [Double], k: Int) -> [Int] {
        var heap = [Int](repeating: 0, count: k)
        var indices = [Int](repeating: 0, count: k)
        let found = heap.withUnsafeMutableBytes { heapBytes in
            indices.withUnsafeMutableBytes { indexBytes in
                sk_top_k(values, values.count, k,
                         heapBytes.baseAddress!.assumingMemoryBound(to: Int.self),
                         indexBytes.baseAddress!.assumingMemoryBound(to: Int.self))
            }
        }
        return Array(indices.prefix(found))
    }
}
