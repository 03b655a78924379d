import Support

/// A gate checked against a report's figures.
public struct GateResult: Sendable, Equatable, Encodable {
    public var gate: Gate
    /// The measured value in the gate's units (fractions for rates, milliseconds
    /// for durations); nil when the figures do not have it (no durations, nothing to compare against).
    public var measured: Double?
    /// Whether the gate's condition holds: the report fails.
    public var tripped: Bool
    /// Whether the figure was there to check; a gate that could not be evaluated neither passed nor tripped.
    public var evaluated: Bool { measured != nil }

    /// Checks `gate` against `statistics`. A gate whose figure is absent is not evaluated and does not trip.
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
        // Like the success rate, nil when no task completed or failed.
        case .failureRate: measured = statistics.successRate == nil ? nil : Double(statistics.failureCount) / Double(finished)
        case .successRate: measured = statistics.successRate
        case .p50: measured = statistics.durations.p50Ms
        case .p95: measured = statistics.durations.p95Ms
        case .p99: measured = statistics.durations.p99Ms
        case .max: measured = statistics.durations.maxMs
        }
        tripped = measured.map { gate.comparison.holds($0, gate.value) } ?? false
    }

    /// Why the gate could not be evaluated, as a reader can act on it; nil when it was.
    public var reason: String? {
        guard measured == nil else { return nil }
        switch gate.metric.unit {
        case .duration: return "no task has a duration"
        case .percent: return "no task completed or failed, so there is no rate"
        case .count: return "no earlier run to compare against; give --history (the last report) or --baseline"
        }
    }

    /// The measured value as people read it: `3`, `4.2%`, `31s`; `n/a` when absent.
    public var measuredText: String {
        guard let measured else { return "n/a" }
        switch gate.metric.unit {
        case .count: return HumanFormat.count(measured)
        case .percent: return HumanFormat.percent(measured)
        case .duration: return HumanFormat.duration(milliseconds: measured)
        }
    }

    /// `tripped`, `passed` or `not evaluated`.
    public var verdict: String {
        evaluated ? (tripped ? "tripped" : "passed") : "not evaluated"
    }

    /// ✗, ✓ or ⚠️, so the verdict never rests on colour alone (and a gate not evaluated never shows ✓).
    public var mark: String {
        evaluated ? (tripped ? "✗" : "✓") : "⚠️"
    }

    /// `failed>0 tripped: failed is 3`, `… passed: …`, or `new-failures>0 not evaluated: no earlier run …`.
    public var summary: String {
        "\(gate.expression) \(verdict): " + (reason ?? "\(gate.metric.rawValue) is \(measuredText)")
    }

    private enum CodingKeys: String, CodingKey { case gate, measured, tripped, evaluated }

    /// Every key always, `measured` as `null` when the gate was not evaluated, so readers need not guess.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(gate, forKey: .gate)
        try container.encode(measured, forKey: .measured)
        try container.encode(tripped, forKey: .tripped)
        try container.encode(evaluated, forKey: .evaluated)
    }
}
