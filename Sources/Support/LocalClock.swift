import Foundation

/// Times as a report shows them: in one time zone (`--timezone`, UTC by
/// default), RFC 3339 with the zone's offset at that moment, daylight saving
/// time included (the IANA data of the system's `tzdata`).
public struct LocalClock: Sendable, Equatable {
    /// The zone: an IANA name such as `Europe/Berlin`, or `UTC`.
    public let zone: TimeZone
    /// The zone's name as given: `UTC`, `Europe/Berlin` (Foundation calls UTC `GMT`).
    public let name: String

    public static let utc = LocalClock(identifier: "UTC")!

    /// The clock of the zone named `identifier`; nil for a name the time zone data does not know.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.zone = zone
        name = identifier
    }

    /// Whether times are UTC's, written with `Z`.
    public var isUTC: Bool { ["UTC", "GMT", "Etc/UTC", "Z"].contains(name) }

    /// Seconds east of UTC at `seconds` (Unix seconds).
    public func offset(at seconds: Double) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: seconds))
    }

    /// The calendar fields a wall clock in the zone shows at `seconds`.
    public func wallClock(_ seconds: Double) -> UTCTime {
        UTCTime(seconds: seconds + Double(offset(at: seconds)))
    }

    /// `2026-11-24T02:00:00+01:00`; in UTC `2026-11-24T01:00:00Z`, as before there were zones.
    public func rfc3339(_ seconds: Double, milliseconds: Bool = false) -> String {
        let offset = self.offset(at: seconds)
        let text = UTCTime(seconds: seconds + Double(offset)).rfc3339(milliseconds: milliseconds).dropLast()
        guard offset != 0 || !isUTC else { return text + "Z" }
        let minutes = abs(offset) / 60
        return text + (offset < 0 ? "-" : "+") + UTCTime.digits(minutes / 60, 2) + ":" + UTCTime.digits(minutes % 60, 2)
    }
}
