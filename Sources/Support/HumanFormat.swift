import Foundation

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

    /// A number as it is, thousands grouped with commas: `12,386`, `-4`, `0.25`; fractions to three
    /// significant figures, and whole numbers of 16 digits or more as ``count(_:)`` writes them.
    public static func exact(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return count(value) }
        guard value == value.rounded() else { return significant(value, digits: 3) }
        let digits = Array(String(Int64(abs(value))))
        var grouped = ""
        for (i, digit) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// `value` to `digits` significant figures, no trailing zeros after the point: `6.97`, `12.3`, `123`, `0.0042`.
    public static func significant(_ value: Double, digits: Int) -> String {
        guard value.isFinite, value != 0 else { return shortDecimal(value) }
        let magnitude = Int(floor(log10(abs(value))))
        let decimals = max(0, digits - 1 - magnitude)
        guard decimals > 0 else { return whole(value.rounded()) }
        let scale = pow(10, Double(decimals))
        var text = String(format: "%.\(decimals)f", (value * scale).rounded() / scale)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// An integer count.
    public static func count(_ value: Int) -> String { count(Double(value)) }

    /// A duration given in milliseconds, to three significant figures, so that ten jobs of about a week
    /// can be told apart: `0.4ms`, `120ms`, `1.5s`, `12.3s`, `2.5min`, `1.25h`, `6.97d`.
    public static func duration(milliseconds value: Double) -> String {
        guard value.isFinite else { return shortDecimal(value) }
        let units: [(Double, String)] = [(86_400_000, "d"), (3_600_000, "h"), (60_000, "min"), (1000, "s")]
        for (size, unit) in units where value >= size {
            return significant(value / size, digits: 3) + unit
        }
        return (value < 0.01 ? shortDecimal(value) : significant(value, digits: 3)) + "ms"
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
