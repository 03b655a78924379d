/// Numbers as people read them on a chart or a summary card.
///
/// Every function takes any `Double`, huge, tiny or not a number, and
/// returns text; none of them traps.
public enum HumanFormat {
    /// What a figure that is not a number shows.
    public static let notANumber = "–"

    /// A count: `999`, `1.2k`, `12k`, `1.2M`, `3.4B`.
    public static func count(_ value: Double) -> String {
        guard value.isFinite else { return shortDecimal(value) }
        let magnitude = abs(value)
        for (limit, suffix) in [(1e9, "B"), (1e6, "M"), (1e3, "k")] where magnitude >= limit {
            return shortDecimal(value / limit) + suffix
        }
        return shortDecimal(value)
    }

    /// An integer count.
    public static func count(_ value: Int) -> String { count(Double(value)) }

    /// A duration given in milliseconds: `0.4ms`, `120ms`, `1.5s`, `12s`, `2.5min`, `1.2h`, `3d`.
    public static func duration(milliseconds value: Double) -> String {
        guard value.isFinite else { return shortDecimal(value) }
        let units: [(Double, String)] = [(86_400_000, "d"), (3_600_000, "h"), (60_000, "min"), (1000, "s")]
        for (size, unit) in units where value >= size {
            return shortDecimal(value / size) + unit
        }
        return shortDecimal(value) + "ms"
    }

    /// A duration that may be absent: as ``duration(milliseconds:)``, or `absent` when there is none.
    public static func duration(milliseconds value: Double?, absent: String = notANumber) -> String {
        value.map { duration(milliseconds: $0) } ?? absent
    }

    /// A ratio that may be absent: as ``percent(_:)``, or `absent` when there is none.
    public static func percent(_ ratio: Double?, absent: String = notANumber) -> String {
        ratio.map { percent($0) } ?? absent
    }

    /// A ratio 0…1 as a percentage with one decimal: `97.3%`, `100%`.
    public static func percent(_ ratio: Double) -> String {
        guard ratio.isFinite else { return shortDecimal(ratio) }
        let tenths = (ratio * 1000).rounded() / 10
        guard tenths.isFinite else { return shortDecimal(tenths) + "%" }
        return (tenths == tenths.rounded() ? whole(tenths) : String(tenths)) + "%"
    }

    /// Whole numbers from 10 up, one decimal from 1, two below; no trailing
    /// ".0"; `–` for NaN, `∞` for infinity.
    static func shortDecimal(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? notANumber : (value < 0 ? "-∞" : "∞") }
        let magnitude = abs(value)
        if magnitude >= 10 { return whole(value.rounded()) }
        let scale = magnitude >= 1 ? 10.0 : 100.0
        let text = String((value * scale).rounded() / scale)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// An integral value without a fraction: `12`, or `1e+300` beyond 64 bits.
    private static func whole(_ value: Double) -> String {
        Int64(exactly: value).map { String($0) } ?? "\(value)"
    }
}
