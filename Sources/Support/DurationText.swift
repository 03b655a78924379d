/// Durations written as in the task file: `500ms`, `30s`, `10m`, `1h30m`, `2.5s`, or a number of seconds.
public enum DurationText {
    /// The duration in seconds, or nil when the text is not a duration.
    public static func seconds(_ text: String) -> Double? {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86_400)]
        var rest = Substring(text)
        if let plain = Double(rest), plain.isFinite, plain >= 0 { return plain }
        var total = 0.0
        var sawPart = false
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard let value = Double(number), value.isFinite else { return nil }
            rest = rest.dropFirst(number.count)
            // "ms" is tried before "m".
            guard let (unit, scale) = units.first(where: { rest.hasPrefix($0.0) }) else { return nil }
            rest = rest.dropFirst(unit.count)
            total += value * scale
            sawPart = true
        }
        return sawPart ? total : nil
    }
}
