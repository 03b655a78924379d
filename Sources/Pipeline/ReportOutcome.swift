import Report
import Stats

/// A report written: where its page is, and what it says.
public struct ReportOutcome: Sendable {
    /// The path of `index.html`.
    public let page: String
    /// Everything the report was made from: records, statistics, gates.
    public let document: ReportDocument
    /// What the reader should know but that did not stop the report, one line each (a named history not found).
    public var warnings: [String] = []
    /// How long each stage took.
    public var timings = ReportTimings()

    /// The `--fail-on` gates that tripped.
    public var trippedGates: [GateResult] { document.gates.filter(\.tripped) }
}
