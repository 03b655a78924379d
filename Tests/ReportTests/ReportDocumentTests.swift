import Report
import Stats
import TaskModel
import Testing
import TestSupport

/// A document keeps only the records it describes, so that the table of every record read can be let go
/// before the report is written; the rows it hands out must then point into what it kept.
@Suite("the records a document keeps")
struct ReportDocumentTests {
    /// Run "old" started first; "new" is the latest, its records interleaved with old's in the input.
    static let table: TaskTable = {
        var b = TableBuilder()
        b.add(status: "failed", durationMs: 5, startedAt: 100, error: "old failure", run: "old", id: "o1")
        b.add(status: "completed", durationMs: 6, startedAt: 500, run: "new", id: "n1")
        b.add(status: "completed", durationMs: 7, startedAt: 101, run: "old", id: "o2")
        b.add(status: "failed", durationMs: 8, startedAt: 501, error: "new failure", run: "new", id: "n2")
        b.add(status: "timeout", durationMs: 9, startedAt: 502, run: "new", id: "n3")
        return b.table
    }()

    @Test("of several runs, the latest run's records, in input order; its failures are rows of those")
    func latestRun() {
        let document = ReportDocument(
            title: "t", inputs: [], records: Self.table, statistics: TaskStatistics(table: Self.table, scope: .latest),
            toolVersion: "test")
        let records = document.records
        #expect((0..<records.count).map { records.id[$0] } == ["n1", "n2", "n3"])
        #expect(document.failedRows == [1, 2])
        #expect(document.failedRows.map { records.error[$0] } == ["new failure", ""])
        #expect(document.attempts(ofRow: 1).first?.error == "new failure")
    }

    @Test("with every run described, every record, as read")
    func allRuns() {
        let document = ReportDocument(
            title: "t", inputs: [], records: Self.table, statistics: TaskStatistics(table: Self.table, scope: .all),
            toolVersion: "test")
        #expect((0..<document.records.count).map { document.records.id[$0] } == ["o1", "n1", "o2", "n2", "n3"])
        #expect(document.failedRows == [0, 3, 4])
    }
}
