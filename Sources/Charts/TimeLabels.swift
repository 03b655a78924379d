import Stats
import Support

/// Labels for time buckets on a zone's wall clock, as people name them:
/// `01:30`, `11-24 01:30` across days, `2 Mar`, `week of 2 Mar`, `Mar 2020`,
/// `Q1 2020`, `2020`; the year added to days and weeks when the buckets span
/// more than one.
enum TimeLabels {
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// A label per bucket of `unit` starting at `starts` (Unix seconds).
    static func labels(for starts: [Double], unit: TimeUnit, clock: LocalClock) -> [String] {
        let parts = starts.map(clock.wallClock)
        let years = Set(parts.map(\.year)).count > 1
        func date(_ part: UTCTime) -> String { "\(part.day) \(monthNames[part.month - 1])" + (years ? " \(part.year)" : "") }
        switch unit {
        case .year: return parts.map { "\($0.year)" }
        case .quarter: return parts.map { "Q\(($0.month - 1) / 3 + 1) \($0.year)" }
        case .month: return parts.map { "\(monthNames[$0.month - 1]) \($0.year)" }
        case .week: return parts.map { "week of " + date($0) }
        case .day: return parts.map(date)
        default:
            let oneDay = Set(parts.map { $0.year * 400 + $0.month * 32 + $0.day }).count == 1
            return parts.map { part in
                let time = "\(two(part.hour)):\(two(part.minute))" + (unit < .minute ? ":\(two(part.second))" : "")
                return oneDay ? time : "\(two(part.month))-\(two(part.day)) \(time)"
            }
        }
    }

    /// Labels for buckets of `width` seconds, named as the calendar unit nearest below that width is.
    static func labels(for starts: [Double], width: Double, clock: LocalClock) -> [String] {
        labels(for: starts, unit: TimeUnit.allCases.last { $0.nominalSeconds <= width } ?? .second, clock: clock)
    }

    /// `start time (UTC), 1 s buckets`-like titles: what the axis counts, the zone and the unit.
    static func axisTitle(_ what: String, clock: LocalClock, unit: String) -> String {
        "\(what) (\(clock.name)), \(unit) buckets"
    }

    private static func two(_ value: Int) -> String { UTCTime.digits(value, 2) }
}
