/// Records per time bucket by start time, split by status. Buckets are
/// calendar units (``TimeUnit``) on the boundaries of ``TaskStatistics/timeZone``.
public struct Timeline: Sendable, Codable, Equatable {
    /// Start of the first bucket, Unix seconds.
    public var originSeconds: Double
    /// The unit's length in seconds (nominal for months, quarters and years: see ``starts``).
    public var bucketSeconds: Double
    /// The calendar unit of the buckets: `1s` … `30s`, `1min` … `30min`, `1h` … `12h`, `day`, `week`, `month`,
    /// `quarter`, `year`.
    public var unit: TimeUnit
    /// Each bucket's start, Unix seconds: bucket `b` holds the starts from `starts[b]` up to `starts[b + 1]`.
    public var starts: [Double]
    /// `buckets[b][label]`: records of status `label` started in bucket `b`; labels without any are absent.
    public var buckets: [[String: Int]]
    /// Records without a start time (not in any bucket).
    public var missing: Int
}
