import Support

/// A gate checked against a report's figures.
public struct GateResult: Sendable, Equatable, Codable {
    public var gate: Gate
    /// The measured value in the gate's units (fractions for rates, milliseconds
    /// for durations); nil when the figures do not have it (no durations, nothing to compare against).
    public var measured: Double?
    /// Whether the gate's condition holds: the report fails.
    public var tripped: Bool

    /// Checks `gate` against `statistics`. A gate whose figure is absent does not trip.
    public init(_ gate: Gate, statistics: TaskStatistics) {
        self.gate = gate
        let finished = statistics.statuses.filter { $0.kind.isFinished }.reduce(0) { $0 + $1.count }
        switch gate.metric {
        case .tasks: measured = Double(statistics.recordCount)
        case .failed: measured = Double(statistics.failureCount)
        case .newFailures: measured = statistics.changes.map { Double($0.newFailureCount) }
        case .fixed: measured = statistics.changes.map { Double($0.fixedCount) }
        case .flaky: measured = statistics.changes.map { Double($0.flakyCount) }
        case .regressions: measured = statistics.changes.map { Double($0.regressionCount) }
        case .failureRate: measured = finished > 0 ? Double(statistics.failureCount) / Double(finished) : nil
        case .successRate: measured = statistics.successRate
        case .p50: measured = statistics.durations.p50Ms
        case .p95: measured = statistics.durations.p95Ms
        case .p99: measured = statistics.durations.p99Ms
        case .max: measured = statistics.durations.maxMs
        }
        tripped = measured.map { gate.comparison.holds($0, gate.value) } ?? false
    }

    /// The measured value as people read it: `3`, `4.2%`, `31s`, or why it is absent.
    public var measuredText: String {
        guard let measured else {
            switch gate.metric.unit {
            case .duration: return "no durations"
            case .percent: return "no finished tasks"
            case .count: return "nothing to compare against"
            }
        }
        switch gate.metric.unit {
        case .count: return HumanFormat.count(measured)
        case .percent: return HumanFormat.percent(measured)
        case .duration: return HumanFormat.duration(milliseconds: measured)
        }
    }

    /// `failed>0 tripped: failed is 3`, or `… passed: …`.
    public var summary: String {
        "\(gate.expression) \(tripped ? "tripped" : "passed"): \(gate.metric.rawValue) is \(measuredText)"
    }
}
