/// Calendar fields and RFC 3339 text for Unix seconds in UTC, by arithmetic
/// alone: no formatter objects, no locale or time zone data to load. The
/// scheduler stamps every task, so this sits on a hot path.
public struct UTCTime: Sendable, Equatable {
    public let year: Int
    public let month: Int
    public let day: Int
    public let hour: Int
    public let minute: Int
    public let second: Int
    /// Milliseconds within the second, 0–999.
    public let millisecond: Int

    /// The times a record may carry, in Unix seconds: from 0001-01-01T00:00:00Z
    /// to the end of 9999-12-31. Ingest rejects times outside it.
    public static let supportedSeconds: ClosedRange<Double> = -62_135_596_800 ... 253_402_300_799.999

    /// The UTC calendar fields of `seconds` since 1970-01-01T00:00:00Z
    /// (Howard Hinnant's civil_from_days). Never traps: a time outside
    /// ``supportedSeconds`` is clamped to its ends, and NaN reads as 0.
    public init(seconds: Double) {
        let range = Self.supportedSeconds
        let clamped = seconds.isNaN ? 0 : min(max(seconds, range.lowerBound), range.upperBound)
        let totalMilliseconds = Int((clamped * 1000).rounded(.down))
        var days = totalMilliseconds / 86_400_000
        var rest = totalMilliseconds % 86_400_000
        if rest < 0 {
            rest += 86_400_000
            days -= 1
        }
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        hour = rest / 3_600_000
        minute = rest % 3_600_000 / 60_000
        second = rest % 60_000 / 1000
        millisecond = rest % 1000
    }

    /// `2026-11-24T01:02:03Z`, or with `milliseconds` `2026-11-24T01:02:03.042Z`.
    public func rfc3339(milliseconds: Bool = false) -> String {
        var text = "\(Self.digits(year, 4))-\(Self.digits(month, 2))-\(Self.digits(day, 2))T"
            + "\(Self.digits(hour, 2)):\(Self.digits(minute, 2)):\(Self.digits(second, 2))"
        if milliseconds { text += "." + Self.digits(millisecond, 3) }
        return text + "Z"
    }

    /// `value` with leading zeros to `width` digits.
    public static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
