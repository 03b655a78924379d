
/// The status labels a page or a chart shows side by side.
///
/// Every label when there are at most ``limit``; otherwise the first
/// `limit − 1` in display order and one column that stands for the rest, so
/// that a log with thousands of distinct labels still reads as a table.
/// `stats.json` keeps every label.
public struct StatusColumns: Sendable, Equatable {
    /// How many columns people are shown at most.
    public static let defaultLimit = 20

    /// The columns in display order; when ``mergedLabels`` is above 0 the last
    /// one is "N other labels", of kind `other`, with their count and share.
    public let columns: [StatusCount]
    /// How many labels the last column stands for; 0 when every column is one label.
    public let mergedLabels: Int

    /// Columns for `statuses` (in display order).
    /// - Parameter limit: The most columns to show, at least 2.
    public init(_ statuses: [StatusCount], limit: Int = defaultLimit) {
        precondition(limit >= 2, "a status fold needs room for one label and the rest")
        guard statuses.count > limit else {
            columns = statuses
            mergedLabels = 0
            return
        }
        let rest = statuses[(limit - 1)...]
        let merged = StatusCount(
            label: "\(rest.count) other labels", kind: .other, count: rest.reduce(0) { $0 + $1.count },
            share: rest.reduce(0) { $0 + $1.share })
        columns = Array(statuses.prefix(limit - 1)) + [merged]
        mergedLabels = rest.count
    }

    /// `counts` (by label) as one number per column, in column order; the merged column sums the rest.
    public func fold(_ counts: [String: Int]) -> [Int] {
        guard mergedLabels > 0 else { return columns.map { counts[$0.label] ?? 0 } }
        let shown = columns.dropLast().map { counts[$0.label] ?? 0 }
        let total = counts.values.reduce(0, +)
        return shown + [total - shown.reduce(0, +)]
    }
}
