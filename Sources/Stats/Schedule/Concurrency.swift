/// How many tasks ran at once over a run: the average over each time bucket
/// (the time tasks spent running in it, divided by its width), so a run of
/// any size is one small series.
public struct Concurrency: Sendable, Equatable {
    /// The first bucket's start, Unix seconds, and each bucket's width in seconds.
    public var originSeconds: Double
    public var bucketSeconds: Double
    /// Per bucket, the average number of tasks running.
    public var running: [Double]

    /// Round bucket widths, in seconds: a run lasts seconds to days.
    static let bucketWidths: [Double] = [
        1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800,
    ]

    /// The concurrency of tasks running over `spans`, at most `buckets` buckets of a round width.
    init(_ spans: some Sequence<RunSchedule.Span>, from start: Double, to end: Double, buckets: Int) {
        let span = end - start
        let width: Double = Self.bucketWidths.first { span / $0 < Double(buckets) } ?? (span / Double(buckets - 1)).rounded(.up)
        let origin = (start / width).rounded(.down) * width
        let count = max(1, min(Int(((end - origin) / width).rounded(.up)), buckets))
        // Partial buckets at both ends of a span are added directly; the full ones
        // between them through a difference array, so a long span costs no more than a short one.
        var time = [Double](repeating: 0, count: count)
        var fullBuckets = [Double](repeating: 0, count: count + 1)
        func bucket(_ t: Double) -> Int { min(max(Int(((t - origin) / width).rounded(.down)), 0), count - 1) }
        for span in spans where span.end > span.start {
            let first = bucket(span.start), last = bucket(span.end)
            if first == last {
                time[first] += span.end - span.start
                continue
            }
            time[first] += origin + Double(first + 1) * width - span.start
            time[last] += span.end - (origin + Double(last) * width)
            fullBuckets[first + 1] += 1
            fullBuckets[last] -= 1
        }
        var full = 0.0
        running = (0..<count).map { b in
            full += fullBuckets[b]
            return (time[b] + full * width) / width
        }
        originSeconds = origin
        bucketSeconds = width
    }
}
