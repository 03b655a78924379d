import Foundation
import Support

/// Time buckets on calendar boundaries in a time zone: the first unit, from
/// one second to a year, that covers a span in at most so many buckets, and
/// the start of each bucket. Weeks start on Monday; daylight saving time
/// makes some hours and days shorter or longer, as on the wall.
struct CalendarBuckets {
    let unit: TimeUnit
    /// Each bucket's start, Unix seconds, increasing; the last bucket holds everything from its start on.
    let starts: [Double]

    /// The buckets over `earliest ... latest` in `clock`'s zone, at most `maximum` of them.
    init(from earliest: Double, through latest: Double, clock: LocalClock, maximum: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = clock.zone
        calendar.firstWeekday = 2  // Monday
        for unit in TimeUnit.allCases where (latest - earliest) / unit.nominalSeconds < Double(maximum) {
            if let starts = Self.starts(from: earliest, through: latest, unit: unit, calendar: calendar, clock: clock,
                                        maximum: maximum) {
                self.unit = unit
                self.starts = starts
                return
            }
        }
        // Longer than `maximum` years: a bucket per so many years (at most 9999 years of records).
        let years = Int(((latest - earliest) / TimeUnit.year.nominalSeconds / Double(maximum - 1)).rounded(.up))
        var starts = [Self.floor(earliest, to: .year, calendar: calendar, clock: clock)]
        while let last = starts.last, last <= latest, starts.count < maximum,
              let next = calendar.date(byAdding: .year, value: years, to: Date(timeIntervalSince1970: last)) {
            starts.append(next.timeIntervalSince1970)
        }
        if starts.count > 1, starts[starts.count - 1] > latest { starts.removeLast() }
        unit = .year
        self.starts = starts
    }

    /// The starts of `unit` buckets from the one holding `earliest` to the one holding `latest`; nil when they
    /// would be more than `maximum`.
    private static func starts(
        from earliest: Double, through latest: Double, unit: TimeUnit, calendar: Calendar, clock: LocalClock, maximum: Int
    ) -> [Double]? {
        var starts = [floor(earliest, to: unit, calendar: calendar, clock: clock)]
        while true {
            let next = self.next(after: starts[starts.count - 1], unit: unit, calendar: calendar, clock: clock)
            if next > latest { return starts }
            starts.append(next)
            if starts.count > maximum { return nil }
        }
    }

    /// The start of the `unit` bucket that holds `seconds`, on the zone's wall clock.
    static func floor(_ seconds: Double, to unit: TimeUnit, calendar: Calendar, clock: LocalClock) -> Double {
        let date = Date(timeIntervalSince1970: seconds)
        if let wall = unit.wallSeconds {
            // Seconds into the local day, cut to the unit, and back to Unix seconds.
            let offset = Double(clock.offset(at: seconds))
            let local = seconds + offset
            let day = (local / 86_400).rounded(.down) * 86_400
            let cut = day + ((local - day) / Double(wall)).rounded(.down) * Double(wall)
            return cut - Double(clock.offset(at: cut - offset))
        }
        var parts = calendar.dateComponents([.year, .month, .day], from: date)
        switch unit {
        case .week:
            return calendar.dateInterval(of: .weekOfYear, for: date)?.start.timeIntervalSince1970 ?? seconds
        case .month: parts.day = 1
        case .quarter: (parts.month, parts.day) = (((parts.month ?? 1) - 1) / 3 * 3 + 1, 1)
        case .year: (parts.month, parts.day) = (1, 1)
        default: break
        }
        return calendar.date(from: parts)?.timeIntervalSince1970 ?? seconds
    }

    /// The start of the bucket after the one starting at `start`.
    static func next(after start: Double, unit: TimeUnit, calendar: Calendar, clock: LocalClock) -> Double {
        let date = Date(timeIntervalSince1970: start)
        let added: Date?
        switch unit {
        case .day: added = calendar.date(byAdding: .day, value: 1, to: date)
        case .week: added = calendar.date(byAdding: .day, value: 7, to: date)
        case .month: added = calendar.date(byAdding: .month, value: 1, to: date)
        case .quarter: added = calendar.date(byAdding: .month, value: 3, to: date)
        case .year: added = calendar.date(byAdding: .year, value: 1, to: date)
        default:
            // Half a unit past the next boundary, cut back to it: a clock change between stays on the wall's
            // boundaries. When the wall clock goes back over the boundary, the unit's length in seconds is taken.
            let aligned = floor(start + unit.nominalSeconds * 1.5, to: unit, calendar: calendar, clock: clock)
            return aligned > start ? aligned : start + unit.nominalSeconds
        }
        return max(added?.timeIntervalSince1970 ?? start + unit.nominalSeconds, start + 1)
    }
}
