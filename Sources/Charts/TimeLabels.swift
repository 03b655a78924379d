import Support

/// Labels for time buckets in UTC, as short as the bucket width allows.
enum TimeLabels {
    /// `2026-11-24` for day buckets; `01:30` within one day; `11-24 01:30` across days.
    static func labels(for starts: [Double], width: Double) -> [String] {
        let parts = starts.map { UTCTime(seconds: $0) }
        if width >= 86_400 { return parts.map { "\($0.year)-\(two($0.month))-\(two($0.day))" } }
        let oneDay = Set(parts.map { $0.year * 400 + $0.month * 32 + $0.day }).count == 1
        return parts.map { part in
            let time = "\(two(part.hour)):\(two(part.minute))" + (width < 60 ? ":\(two(part.second))" : "")
            return oneDay ? time : "\(two(part.month))-\(two(part.day)) \(time)"
        }
    }

    private static func two(_ value: Int) -> String { UTCTime.digits(value, 2) }
}
