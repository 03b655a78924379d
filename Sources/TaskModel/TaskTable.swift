/// Task records held as columns: one contiguous array per field.
///
/// Every column has `count` entries, record `i` being entry `i` of each.
/// Missing times and durations are `Double.nan`; missing integers are
/// ``TaskTable/missingInteger``; missing strings are empty. Times are Unix
/// seconds; durations are milliseconds.
public struct TaskTable: Sendable {
    /// The value of an absent `exit_code` or `attempts`.
    public static let missingInteger = Int32.min

    public var id: TextColumn
    public var status: DictionaryColumn
    public var name: DictionaryColumn
    public var group: DictionaryColumn
    public var runID: DictionaryColumn
    public var startedAt: [Double]
    public var finishedAt: [Double]
    public var durationMs: [Double]
    public var exitCode: [Int32]
    public var attempts: [Int32]
    public var error: TextColumn
    /// The free `data` payload of each record as JSON text, kept but not analysed.
    public var data: TextColumn
    /// What each task wrote, as the record gives it (its `output` field); empty for most.
    public var output: TextColumn

    /// Creates a table from its columns, which must all have the same length.
    public init(
        id: TextColumn, status: DictionaryColumn, name: DictionaryColumn, group: DictionaryColumn,
        runID: DictionaryColumn, startedAt: [Double], finishedAt: [Double], durationMs: [Double],
        exitCode: [Int32], attempts: [Int32], error: TextColumn, data: TextColumn, output: TextColumn? = nil
    ) {
        let output = output ?? TextColumn(emptyCount: id.count)
        precondition(
            [status.count, name.count, group.count, runID.count, startedAt.count, finishedAt.count,
             exitCode.count, attempts.count, error.count, data.count, output.count].allSatisfy { $0 == id.count }
                && durationMs.count == id.count,
            "every column of a TaskTable must have the same length")
        self.id = id
        self.status = status
        self.name = name
        self.group = group
        self.runID = runID
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.durationMs = durationMs
        self.exitCode = exitCode
        self.attempts = attempts
        self.error = error
        self.data = data
        self.output = output
    }

    /// An empty table.
    public init() {
        self.init(
            id: TextColumn(), status: DictionaryColumn(), name: DictionaryColumn(), group: DictionaryColumn(),
            runID: DictionaryColumn(), startedAt: [], finishedAt: [], durationMs: [], exitCode: [], attempts: [],
            error: TextColumn(), data: TextColumn())
    }

    /// The number of records.
    public var count: Int { id.count }
}
