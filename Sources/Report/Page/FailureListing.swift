import Stats
import Support
import TaskModel

/// The failures of the described run as the page lists them: each with its
/// own output, and a breakdown by group and by name when they are many.
///
/// Entries are bounded in number and in bytes, and so is the output shown
/// across all of them, so a run of thousands of failures with megabytes of
/// output each still makes a page a browser opens at once.
struct FailureListing {
    /// At most this many failures are listed one by one…
    static let entryLimit = 100
    /// …in at most this many bytes of escaped text besides their output,
    static let entryBytes = 250_000
    /// …and with at most this many bytes of escaped output across them.
    static let outputBytes = 500_000
    /// Each entry shows the output of at most this many attempts, the last first.
    static let attemptLimit = 3
    /// With more failures than this, the breakdown by group and by name comes first…
    static let breakdownThreshold = 20
    /// …with at most this many rows each.
    static let breakdownRows = 20

    /// The rows of `document.records` that failed or timed out in the described run, in input order.
    let rows: [Int]
    let entries: [ReportPage.FailureEntry]
    /// The entry number (from 1) of each row listed.
    let entryOfRow: [Int: Int]
    let byGroup: [ReportPage.CountRow]
    let byName: [ReportPage.CountRow]
    /// Says how many groups and names the breakdown leaves out; empty when none.
    let breakdownNote: String

    init(_ document: ReportDocument) {
        let records = document.records
        rows = document.failedRows

        var entries: [ReportPage.FailureEntry] = [], entryOfRow: [Int: Int] = [:]
        var entryBytes = 0, outputBytes = 0
        for row in rows.prefix(Self.entryLimit) {
            let attempts = document.attempts(ofRow: row)
            let outputs = Self.outputs(attempts, total: Int(records.attempts[row]))
            let outputSize = PageList.size(of: outputs)
            let showsOutput = outputBytes + outputSize <= Self.outputBytes
            if showsOutput { outputBytes += outputSize }
            let entry = Self.entry(document, row: row, number: entries.count + 1, attempts: attempts,
                                   outputs: showsOutput ? outputs : [], outputLeftOut: !showsOutput && !outputs.isEmpty)
            entryBytes += PageList.size(of: entry) - (showsOutput ? outputSize : 0)
            guard entryBytes <= Self.entryBytes else { break }
            entries.append(entry)
            entryOfRow[row] = entries.count
        }
        self.entries = entries
        self.entryOfRow = entryOfRow

        guard rows.count > Self.breakdownThreshold else {
            (byGroup, byName, breakdownNote) = ([], [], "")
            return
        }
        let groups = Self.counts(rows.map { records.group[$0].isEmpty ? GroupStatistics.ungrouped : records.group[$0] })
        let names = Self.counts(rows.map { records.name[$0].isEmpty ? records.id[$0] : records.name[$0] })
        byGroup = groups.prefix(Self.breakdownRows).map { ReportPage.CountRow(label: .label($0.0), count: HTMLText(String($0.1))) }
        byName = names.prefix(Self.breakdownRows).map { ReportPage.CountRow(label: .label($0.0), count: HTMLText(String($0.1))) }
        var left: [String] = []
        if groups.count > byGroup.count { left.append("\(groups.count - byGroup.count) more groups") }
        if names.count > byName.count { left.append("\(names.count - byName.count) more names") }
        breakdownNote = left.isEmpty ? "" : "Largest first; " + left.joined(separator: " and ") + " are left out."
    }

    /// Each distinct value with its count, largest first, then by value.
    private static func counts(_ values: [String]) -> [(String, Int)] {
        var counts: [String: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
    }
}
