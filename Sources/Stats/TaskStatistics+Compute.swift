import Foundation
import Support
import TaskModel

extension TaskStatistics {
    /// Limits on what the statistics list record by record.
    public struct Options: Sendable {
        /// How many of the longest tasks to list.
        public var slowestLimit = 10
        /// How many failures to list (all are counted).
        public var failureLimit = 100
        /// Equal-width histogram bins.
        public var linearBins = 20
        /// At most this many timeline buckets.
        public var maximumBuckets = 48
        /// Growth of a task's p95 beyond this fraction of the baseline's is a regression…
        public var regressionThreshold = 0.25
        /// …when it is also at least this many milliseconds (smaller changes are noise).
        public var regressionFloorMs = 100.0
        /// How many recent runs the flaky and trend columns look at.
        public var changeWindow = 10
        /// How many entries each list of changes holds (all are counted).
        public var changeLimit = 100
        /// The time zone of the timeline's calendar buckets (`--timezone`).
        public var clock = LocalClock.utc
        /// How many of the latest runs, and of the tasks with most failures, the task × run grid shows.
        public var gridRuns = 30
        public var gridTasks = 50

        /// Options with the defaults above.
        public init() {}
    }

    /// Computes the statistics of every record in `table`.
    /// - Parameters:
    ///   - table: The records, as columns.
    ///   - options: Limits for the lists.
    public init(table: TaskTable, options: Options = Options()) {
        let statuses = StatusOrder(table: table)
        recordCount = table.count
        self.statuses = statuses.counts
        successRate = statuses.successRate

        (logHistogram, linearHistogram, durations) = Self.durationFigures(table.durationMs, linearBins: options.linearBins)

        groups = Self.groups(table: table, statuses: statuses)
        timeline = Self.timeline(table: table, statuses: statuses, options: options)
        timeZone = options.clock.name
        slowest = StatsKernel.topK(table.durationMs, k: options.slowestLimit).map { TaskEntry(table: table, index: $0) }

        let failureCodes = statuses.codes(where: \.isFailure)
        failureCount = statuses.counts.filter { $0.kind.isFailure }.reduce(0) { $0 + $1.count }
        var failures: [TaskEntry] = []
        if !failureCodes.isEmpty {
            for (index, code) in table.status.codes.enumerated() where failureCodes.contains(code) {
                failures.append(TaskEntry(table: table, index: index))
                if failures.count == options.failureLimit { break }
            }
        }
        self.failures = failures
    }

    /// The histograms and the summary of `durations`, from a copy without the missing ones that is
    /// released on return, before the rest of the statistics make copies of their own (at 10M records
    /// each is 80 MB).
    private static func durationFigures(_ durations: [Double], linearBins: Int) -> (Histogram?, Histogram?, DurationSummary) {
        var dense = StatsKernel.compact(durations)
        return (logHistogram(dense), linearHistogram(dense, bins: linearBins),
                durationSummary(&dense, missing: durations.count - dense.count))
    }

    /// Summary and percentiles; reorders `dense`.
    private static func durationSummary(_ dense: inout [Double], missing: Int) -> DurationSummary {
        let summary = StatsKernel.summarize(dense)
        let p = StatsKernel.percentiles(&dense, quantiles: DurationSummary.quantiles)
        func figure(_ value: Double) -> Double? { value.isNaN ? nil : value }
        return DurationSummary(
            count: summary.count, missing: missing, minMs: figure(summary.min), maxMs: figure(summary.max), meanMs: figure(summary.mean),
            stddevMs: figure(summary.stddev), totalMs: figure(summary.sum),
            p50Ms: figure(p[0]), p90Ms: figure(p[1]), p95Ms: figure(p[2]), p99Ms: figure(p[3]))
    }

    /// The first log bin starts at 1 µs at the lowest: shorter durations (down
    /// to the smallest subnormal) count in it rather than stretching the axis.
    static let logHistogramFloorMs = 0.001

    /// Log bins between powers of ten around the positive durations, 1 to 5 bins per decade.
    private static func logHistogram(_ dense: [Double]) -> Histogram? {
        var smallestPositive = Double.infinity, largest = 0.0
        for value in dense {
            if value > 0, value < smallestPositive { smallestPositive = value }
            if value > largest { largest = value }
        }
        guard !dense.isEmpty else { return nil }
        if smallestPositive == .infinity { smallestPositive = 1 }  // every duration is 0
        smallestPositive = max(smallestPositive, logHistogramFloorMs)
        // Ingest keeps durations finite and under 100 years, so the decades are few.
        let lowExponent = floor(log10(smallestPositive))
        let highExponent = max(ceil(log10(max(largest, smallestPositive))), lowExponent + 1)
        let low = pow(10, lowExponent), high = pow(10, highExponent)
        let decades = Int(highExponent - lowExponent)
        let bins = decades * max(1, min(5, 30 / decades))
        let (edges, counts) = StatsKernel.histogram(dense, scale: .log, low: low, high: high, bins: bins)
        // Keep the bins from the first to the last that holds a value: the round
        // decade ends would otherwise add empty bars at both sides.
        let first = counts.firstIndex { $0 > 0 } ?? 0
        let last = counts.lastIndex { $0 > 0 } ?? counts.count - 1
        return Histogram(scale: .log, edgesMs: Array(edges[first...(last + 1)]), counts: Array(counts[first...last]))
    }

    /// Equal-width bins over the range of the durations (a range of one value is widened by ±0.5, as numpy does).
    private static func linearHistogram(_ dense: [Double], bins: Int) -> Histogram? {
        let range = StatsKernel.range(dense)
        guard range.count > 0 else { return nil }
        let (low, high) = range.min < range.max ? (range.min, range.max) : (range.min - 0.5, range.max + 0.5)
        let (edges, counts) = StatsKernel.histogram(dense, scale: .linear, low: low, high: high, bins: bins)
        return Histogram(scale: .linear, edgesMs: edges, counts: counts)
    }

    private static func groups(table: TaskTable, statuses: StatusOrder) -> [GroupStatistics] {
        let breakdowns = CodeBreakdown.of(table.group, in: table, statuses: statuses, quantiles: [0.5, 0.95])
        let groups = zip(table.group.entries, breakdowns).compactMap { name, b -> GroupStatistics? in
            guard b.total > 0 else { return nil }  // a group only other runs have
            return GroupStatistics(
                name: name.isEmpty ? GroupStatistics.ungrouped : name, total: b.total, counts: b.counts,
                successRate: b.successRate, p50Ms: b.percentiles[0], p95Ms: b.percentiles[1])
        }
        return groups.sorted { ($0.total, $1.name) > ($1.total, $0.name) }
    }

    private static func timeline(table: TaskTable, statuses: StatusOrder, options: Options) -> Timeline? {
        let range = StatsKernel.range(table.startedAt)
        guard range.count > 0 else { return nil }
        let buckets = CalendarBuckets(from: range.min, through: range.max, clock: options.clock, maximum: options.maximumBuckets)
        let bucketCodes = StatsKernel.bucketCodes(table.startedAt, starts: buckets.starts)
        let pairs = PairCounts.count(
            first: bucketCodes, second: table.status.codes, firstCount: buckets.starts.count,
            secondCount: table.status.entries.count)
        return Timeline(
            originSeconds: buckets.starts[0], bucketSeconds: buckets.unit.nominalSeconds, unit: buckets.unit,
            starts: buckets.starts, buckets: pairs.map(statuses.tally), missing: table.count - range.count)
    }
}
