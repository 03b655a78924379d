/// A calendar unit of time buckets, as people count time: round seconds,
/// minutes and hours, days, weeks from Monday, months, quarters and years.
/// The raw value is its name in `stats.json`.
public enum TimeUnit: String, Sendable, Codable, CaseIterable {
    case second = "1s", seconds5 = "5s", seconds15 = "15s", seconds30 = "30s"
    case minute = "1min", minutes5 = "5min", minutes15 = "15min", minutes30 = "30min"
    case hour = "1h", hours3 = "3h", hours6 = "6h", hours12 = "12h"
    case day, week, month, quarter, year

    /// Its length in seconds; for months, quarters and years a nominal one (30, 91 and 365 days), since
    /// theirs varies.
    public var nominalSeconds: Double {
        switch self {
        case .second: 1
        case .seconds5: 5
        case .seconds15: 15
        case .seconds30: 30
        case .minute: 60
        case .minutes5: 300
        case .minutes15: 900
        case .minutes30: 1800
        case .hour: 3600
        case .hours3: 10_800
        case .hours6: 21_600
        case .hours12: 43_200
        case .day: 86_400
        case .week: 604_800
        case .month: 2_592_000
        case .quarter: 7_862_400
        case .year: 31_536_000
        }
    }

    /// For units under a day: how many seconds of the wall clock one holds.
    var wallSeconds: Int? { self < .day ? Int(nominalSeconds) : nil }

    /// The name said under a chart: `1s`, `15min`, `3h`, `day`.
    public var name: String { rawValue }
}

extension TimeUnit: Comparable {
    public static func < (a: TimeUnit, b: TimeUnit) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
