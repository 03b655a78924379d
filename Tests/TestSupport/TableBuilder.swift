import TaskModel

/// Builds a ``TaskTable`` record by record, for tests that need exact control of the data.
public struct TableBuilder {
    private var ids: [String] = []
    private var statuses: [String] = []
    private var names: [String] = []
    private var groups: [String] = []
    private var runs: [String] = []
    private var started: [Double] = []
    private var finished: [Double] = []
    private var outputs: [String] = []
    private var durations: [Double] = []
    private var exitCodes: [Int32] = []
    private var errors: [String] = []
    private var attempts: [Int32] = []

    public init() {}

    /// Adds a record; `nil` leaves a field missing.
    public mutating func add(
        status: String, group: String = "", name: String = "", durationMs: Double? = nil, startedAt: Double? = nil,
        exitCode: Int32? = nil, error: String = "", run: String = "", attempts: Int32? = nil, id: String? = nil,
        finishedAt: Double? = nil, output: String = ""
    ) {
        runs.append(run)
        ids.append(id ?? "t\(ids.count + 1)")
        finished.append(finishedAt ?? .nan)
        outputs.append(output)
        statuses.append(status)
        names.append(name)
        groups.append(group)
        durations.append(durationMs ?? .nan)
        started.append(startedAt ?? .nan)
        exitCodes.append(exitCode ?? TaskTable.missingInteger)
        errors.append(error)
        self.attempts.append(attempts ?? TaskTable.missingInteger)
    }

    public var table: TaskTable {
        func dictionary(_ values: [String]) -> DictionaryColumn {
            var entries: [String] = []
            var index: [String: Int32] = [:]
            var codes: [Int32] = []
            for value in values {
                if let found = index[value] {
                    codes.append(found)
                } else {
                    index[value] = Int32(entries.count)
                    codes.append(Int32(entries.count))
                    entries.append(value)
                }
            }
            return DictionaryColumn(codes: codes, entries: entries)
        }
        func text(_ values: [String]) -> TextColumn {
            var bytes: [UInt8] = []
            var offsets: [UInt64] = [0]
            for value in values {
                bytes += value.utf8
                offsets.append(UInt64(bytes.count))
            }
            return TextColumn(bytes: bytes, offsets: offsets)
        }
        let n = ids.count
        return TaskTable(
            id: text(ids), status: dictionary(statuses), name: dictionary(names), group: dictionary(groups),
            runID: dictionary(runs), startedAt: started,
            finishedAt: finished, durationMs: durations, exitCode: exitCodes,
            attempts: attempts, error: text(errors),
            data: text([String](repeating: "", count: n)), output: text(outputs))
    }
}
