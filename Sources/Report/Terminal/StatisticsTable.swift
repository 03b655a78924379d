import Stats
import Support

/// The statistics as aligned plain-text tables for a terminal.
///
/// Labels from the data are cut to a readable length and their control
/// characters shown as `\x1b`; long lists show their head and say how many
/// more there are (`--format json` has them all).
public struct StatisticsTable: Sendable {
    /// The tables, one line each, ending in a line break.
    public let text: String

    /// Labels are cut to this many scalars: a cell, not a paragraph.
    static let labelLimit = 80
    /// At most this many groups are listed.
    static let groupLimit = 50

    /// Lays out `statistics` as text.
    public init(_ statistics: TaskStatistics) {
        func duration(_ ms: Double?) -> String { HumanFormat.duration(milliseconds: ms, absent: "-") }
        func percent(_ ratio: Double?) -> String { HumanFormat.percent(ratio, absent: "-") }
        func label(_ text: String) -> String { ControlCharacters.terminalLine(DisplayText.cut(text, to: Self.labelLimit)) }
        var lines = ["records: \(statistics.recordCount)   success rate: \(percent(statistics.successRate))", ""]
        let columns = StatusColumns(statistics.statuses)
        lines += Self.columns([["status", "tasks", "share"]] + columns.columns.map {
            [label($0.label), String($0.count), HumanFormat.percent($0.share)]
        })
        if columns.mergedLabels > 0 {
            lines.append("(\(statistics.statuses.count) labels: the last row counts \(columns.mergedLabels) together; --format json lists each)")
        }
        let durations = statistics.durations
        lines += ["", "durations: \(durations.count) with, \(durations.missing) without"]
        lines += Self.columns([
            ["min", "p50", "p90", "p95", "p99", "max", "mean", "std dev"],
            [durations.minMs, durations.p50Ms, durations.p90Ms, durations.p95Ms, durations.p99Ms, durations.maxMs, durations.meanMs, durations.stddevMs].map(duration),
        ])
        if !statistics.groups.isEmpty {
            lines += [""]
            lines += Self.columns([["group", "tasks", "success", "p50", "p95"]] + statistics.groups.prefix(Self.groupLimit).map {
                [label($0.name), String($0.total), percent($0.successRate), duration($0.p50Ms),
                 duration($0.p95Ms)]
            })
            if statistics.groups.count > Self.groupLimit {
                lines.append("… and \(statistics.groups.count - Self.groupLimit) more groups (--format json lists each)")
            }
        }
        text = lines.joined(separator: "\n") + "\n"
    }

    /// Rows padded into columns: the first column left-aligned, the rest right-aligned.
    private static func columns(_ rows: [[String]]) -> [String] {
        let widths = rows[0].indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return c == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
    }
}
