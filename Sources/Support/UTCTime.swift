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
        let (days, rest) = Self.dayAndMilliseconds(of: seconds)
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

    /// The day of `seconds` since 1970-01-01 and the milliseconds into it, clamped and rounded as
    /// ``init(seconds:)`` says.
    public static func dayAndMilliseconds(of seconds: Double) -> (day: Int, milliseconds: Int) {
        let range = supportedSeconds
        let clamped = seconds.isNaN ? 0 : min(max(seconds, range.lowerBound), range.upperBound)
        // A time read as "…:03.343" is the Double nearest to it, a hair below or above: that millisecond
        // when it reads back as this very Double (flooring would give .342), else the one it falls in.
        let scaled = clamped * 1000, nearest = scaled.rounded()
        let totalMilliseconds = Int(nearest / 1000 == clamped ? nearest : scaled.rounded(.down))
        let day = totalMilliseconds / 86_400_000, rest = totalMilliseconds % 86_400_000
        return rest < 0 ? (day - 1, rest + 86_400_000) : (day, rest)
    }

    /// `2026-11-24T01:02:03Z`, or with `milliseconds` `2026-11-24T01:02:03.042Z`.
    public func rfc3339(milliseconds: Bool = false) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        appendRFC3339(to: &bytes, milliseconds: milliseconds)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``rfc3339(milliseconds:)``'s text to `bytes` as UTF-8, with no `String` made: for
    /// writers of a million times (`tasks.csv`). The text is put together in 24 bytes of scratch and
    /// appended at once.
    public func appendRFC3339(to bytes: inout [UInt8], milliseconds: Bool = false) {
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)
        let count = withUnsafeMutableBytes(of: &scratch) { text -> Int in
            func put(_ value: Int, at start: Int, width: Int) {
                var rest = value
                for index in (start..<start + width).reversed() {
                    text[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                    rest /= 10
                }
            }
            put(year, at: 0, width: 4)
            text[4] = UInt8(ascii: "-")
            put(month, at: 5, width: 2)
            text[7] = UInt8(ascii: "-")
            put(day, at: 8, width: 2)
            text[10] = UInt8(ascii: "T")
            put(hour, at: 11, width: 2)
            text[13] = UInt8(ascii: ":")
            put(minute, at: 14, width: 2)
            text[16] = UInt8(ascii: ":")
            put(second, at: 17, width: 2)
            guard milliseconds else {
                text[19] = UInt8(ascii: "Z")
                return 20
            }
            text[19] = UInt8(ascii: ".")
            put(millisecond, at: 20, width: 3)
            text[23] = UInt8(ascii: "Z")
            return 24
        }
        withUnsafeBytes(of: &scratch) { bytes.append(contentsOf: $0.prefix(count)) }
    }

    /// `value` with leading zeros to `width` digits.
    public static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
