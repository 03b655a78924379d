/// The fields of a task record, written once: their names in JSON keys,
/// SQLite columns and CSV headers, and the store's table that holds them.
///
/// The SQLite reader, the CSV exporter and the store's schema derive from
/// this list; the C++ JSON reader, which cannot import it, keeps its own key
/// table in the same order (`tc_field`), and a test checks that the two agree.
/// The raw value is the field's position, for arrays indexed by field.
public enum RecordField: Int, Sendable, CaseIterable {
    case runID, id, name, group, status, startedAt, finishedAt, durationMs, exitCode, attempts, error, data, output

    /// The name in JSON, SQL and CSV.
    public var name: String {
        switch self {
        case .runID: "run_id"
        case .id: "id"
        case .name: "name"
        case .group: "group"
        case .status: "status"
        case .startedAt: "started_at"
        case .finishedAt: "finished_at"
        case .durationMs: "duration_ms"
        case .exitCode: "exit_code"
        case .attempts: "attempts"
        case .error: "error"
        case .data: "data"
        case .output: "output"
        }
    }

    /// The table of records in a SQLite database read without a query, and in the store.
    public static let tableName = "tasks"
}
