/// Numbers as people read them on a chart or a summary card.
public enum HumanFormat {
    /// A count: `999`, `1.2k`, `12k`, `1.2M`, `3.4B`.
    public static func count(_ value: Double) -> String {
        let magnitude = abs(value)
        for (limit, suffix) in [(1e9, "B"), (1e6, "M"), (1e3, "k")] where magnitude >= limit {
            return shortDecimal(value / limit) + suffix
        }
        return value == value.rounded() ? String(Int(value)) : shortDecimal(value)
    }

    /// An integer count.
    public static func count(_ value: Int) -> String { count(Double(value)) }

    /// A duration given in milliseconds: `0.4ms`, `120ms`, `1.5s`, `12s`, `2.5min`, `1.2h`, `3d`.
    public static func duration(milliseconds value: Double) -> String {
        let units: [(Double, String)] = [(86_400_000, "d"), (3_600_000, "h"), (60_000, "min"), (1000, "s")]
        for (size, unit) in units where value >= size {
            return shortDecimal(value / size) + unit
        }
        return shortDecimal(value) + "ms"
    }

    /// A ratio 0…1 as a percentage with one decimal: `97.3%`, `100%`.
    public static func percent(_ ratio: Double) -> String {
        let tenths = (ratio * 1000).rounded() / 10
        return (tenths == tenths.rounded() ? String(Int(tenths)) : String(tenths)) + "%"
    }

    /// Whole numbers from 10 up, one decimal from 1, two below; no trailing ".0".
    static func shortDecimal(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 10 { return String(Int(value.rounded())) }
        let scale = magnitude >= 1 ? 10.0 : 100.0
        let text = String((value * scale).rounded() / scale)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
