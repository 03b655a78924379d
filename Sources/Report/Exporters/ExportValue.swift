import Support
import TaskModel

/// Values of the records as the data files write them: numbers as the
/// shortest decimal that reads back the same, times as RFC 3339 UTC, and
/// empty text for a missing value.
enum ExportValue {
    /// Milliseconds as the shortest decimal that reads back the same; empty when missing.
    static func number(_ value: Double) -> String {
        guard !value.isNaN else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    static func integer(_ value: Int32) -> String {
        value == TaskTable.missingInteger ? "" : String(value)
    }

    /// RFC 3339 UTC, with milliseconds when the time has a fraction of a second; empty when missing.
    static func time(_ seconds: Double) -> String {
        guard !seconds.isNaN else { return "" }
        return UTCTime(seconds: seconds).rfc3339(milliseconds: seconds != seconds.rounded(.down))
    }
}
