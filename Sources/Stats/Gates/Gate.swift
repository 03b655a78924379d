import Support

/// A pass/fail rule over a report's figures, written `METRIC OP VALUE`:
/// `failed>0`, `failure-rate>5%`, `new-failures>0`, `p95>30s`, `regressions>0`.
public struct Gate: Sendable, Equatable, Codable {
    /// What a gate measures, and how its value is written.
    public enum Metric: String, Sendable, CaseIterable, Codable {
        case tasks, failed, newFailures = "new-failures", fixed, flaky, regressions
        case failureRate = "failure-rate", successRate = "success-rate"
        case p50, p95, p99, max

        enum Unit { case count, percent, duration }

        var unit: Unit {
            switch self {
            case .tasks, .failed, .newFailures, .fixed, .flaky, .regressions: .count
            case .failureRate, .successRate: .percent
            case .p50, .p95, .p99, .max: .duration
            }
        }
    }

    /// How the measured value is compared with the gate's value.
    public enum Comparison: String, Sendable, CaseIterable, Codable {
        // Two-character operators first, so `>=` is not read as `>` and `=5`.
        case atLeast = ">=", atMost = "<=", notEqual = "!=", equal = "==", greater = ">", less = "<", equalSign = "="

        func holds(_ a: Double, _ b: Double) -> Bool {
            switch self {
            case .greater: a > b
            case .less: a < b
            case .atLeast: a >= b
            case .atMost: a <= b
            case .equal, .equalSign: a == b
            case .notEqual: a != b
            }
        }
    }

    public let metric: Metric
    public let comparison: Comparison
    /// Counts as they are, rates as fractions (5% is 0.05), durations in milliseconds.
    public let value: Double
    /// The expression as written, for messages.
    public let expression: String

    /// Parses an expression such as `failure-rate>5%`.
    /// - Throws: ``GateError`` saying what is wrong and what would be right.
    public init(_ text: String) throws(GateError) {
        let expression = text.filter { !$0.isWhitespace }
        guard let comparison = Comparison.allCases.first(where: { expression.contains($0.rawValue) }),
              let range = expression.range(of: comparison.rawValue)
        else { throw .noComparison(text) }
        let name = String(expression[..<range.lowerBound]).lowercased()
        let valueText = String(expression[range.upperBound...])
        guard let metric = Metric(rawValue: name) else { throw .unknownMetric(text, name: name) }
        self.metric = metric
        self.comparison = comparison
        self.expression = expression
        self.value = try Self.value(valueText, unit: metric.unit, in: text)
    }

    private static func value(_ text: String, unit: Metric.Unit, in expression: String) throws(GateError) -> Double {
        switch unit {
        case .count:
            guard let count = Int(text), count >= 0 else { throw .badValue(expression, expected: "a whole number, as in failed>0") }
            return Double(count)
        case .percent:
            guard text.hasSuffix("%"), let percent = Double(text.dropLast()), percent >= 0, percent <= 100 else {
                throw .badValue(expression, expected: "a percentage from 0% to 100%, as in failure-rate>5%")
            }
            return percent / 100
        case .duration:
            guard let seconds = DurationText.seconds(text) else {
                throw .badValue(expression, expected: "a duration such as 30s, 500ms or 2m, as in p95>30s")
            }
            return seconds * 1000
        }
    }
}
