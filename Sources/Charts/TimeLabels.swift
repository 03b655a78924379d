/// Labels for time buckets in UTC, as short as the bucket width allows.
enum TimeLabels {
    /// `2026-11-24` for day buckets; `01:30` within one day; `11-24 01:30` across days.
    static func labels(for starts: [Double], width: Double) -> [String] {
        let parts = starts.map(civil)
        if width >= 86_400 { return parts.map { "\($0.year)-\(two($0.month))-\(two($0.day))" } }
        let oneDay = Set(parts.map { $0.year * 400 + $0.month * 32 + $0.day }).count == 1
        return parts.map { part in
            let time = "\(two(part.hour)):\(two(part.minute))" + (width < 60 ? ":\(two(part.second))" : "")
            return oneDay ? time : "\(two(part.month))-\(two(part.day)) \(time)"
        }
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    /// Calendar fields of Unix seconds in UTC (Howard Hinnant's civil_from_days).
    static func civil(_ seconds: Double) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let whole = Int(seconds.rounded(.down))
        var days = whole / 86_400
        var rest = whole % 86_400
        if rest < 0 { rest += 86_400; days -= 1 }
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day, rest / 3600, rest % 3600 / 60, rest % 60)
    }
}
