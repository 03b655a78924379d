/// Records per time bucket by start time, split by status.
public struct Timeline: Sendable, Codable, Equatable {
    /// Start of the first bucket, Unix seconds (a multiple of the bucket width).
    public var originSeconds: Double
    /// Width of each bucket in seconds, chosen from round sizes (1 s … 1 week).
    public var bucketSeconds: Double
    /// `buckets[b][label]`: records of status `label` started in bucket `b`; labels without any are absent.
    public var buckets: [[String: Int]]
    /// Records without a start time (not in any bucket).
    public var missing: Int
}
