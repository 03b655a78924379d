import Foundation
import Support
import TaskModel

/// `junit.xml`: the described run as a JUnit test suite, for CI systems that
/// show test results. One `<testcase>` per task record with its time;
/// failed and timed-out tasks carry a `<failure>` with the exit code, the
/// error and the tail of the task's output; skipped, cancelled and unfinished
/// tasks a `<skipped>` with the reason.
public struct JUnitExporter: ReportExporter {
    /// At most this much of each output stream goes into a failure, from its end.
    static let outputLimit = 8 * 1024

    public init() {}

    public func files(for document: ReportDocument) -> [ReportFile] {
        [ReportFile(path: "junit.xml", text: Self.xml(document))]
    }

    /// The document as JUnit XML.
    static func xml(_ document: ReportDocument) -> String {
        let records = document.records
        let rows = document.describedRows
        var cases = "", failures = 0, skipped = 0, totalSeconds = 0.0, earliest = Double.infinity
        for row in rows {
            let kind = StatusKind(label: records.status[row])
            let seconds = records.durationMs[row].isNaN ? 0 : records.durationMs[row] / 1000
            totalSeconds += seconds
            if records.startedAt[row] < earliest { earliest = records.startedAt[row] }
            let name = records.name[row].isEmpty ? records.id[row] : records.name[row]
            let output = document.attempts(ofRow: row).first
            let group = records.group[row].isEmpty ? "tasks" : records.group[row]
            cases += "    <testcase name=\"\(escaped(name))\" classname=\"\(escaped(group))\" time=\"\(decimal(seconds))\">"
            switch kind {
            case .completed:
                cases += "</testcase>\n"
                continue
            case .failed, .timeout:
                failures += 1
                cases += "\n      <failure message=\"\(escaped(failureMessage(records, row)))\" type=\"\(escaped(records.status[row]))\">"
                cases += escaped(failureText(records, row, output: output)) + "</failure>\n"
            default:
                skipped += 1
                let reason = records.error[row].isEmpty ? records.status[row] : "\(records.status[row]): \(records.error[row])"
                cases += "\n      <skipped message=\"\(escaped(reason))\"/>\n"
            }
            if let output {
                if !output.stdout.isEmpty { cases += "      <system-out>\(escaped(tail(output.stdout)))</system-out>\n" }
                if !output.stderr.isEmpty { cases += "      <system-err>\(escaped(tail(output.stderr)))</system-err>\n" }
            }
            cases += "    </testcase>\n"
        }
        let suiteName = document.statistics.run.map { "\(document.title) (\($0))" } ?? document.title
        let stamp = earliest.isFinite ? earliest : document.generatedAt.timeIntervalSince1970
        let counts = "tests=\"\(rows.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\" time=\"\(decimal(totalSeconds))\""
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="\(escaped(document.title))" \(counts)>
              <testsuite name="\(escaped(suiteName))" \(counts) timestamp="\(timestamp(stamp))">

            """ + cases + """
              </testsuite>
            </testsuites>

            """
    }

    /// The failure's one-line message: the error, or the exit code.
    private static func failureMessage(_ records: TaskTable, _ row: Int) -> String {
        if !records.error.isEmpty(at: row) { return String(records.error[row].prefix(200)) }
        return records.exitCode[row] == TaskTable.missingInteger ? records.status[row] : "exit code \(records.exitCode[row])"
    }

    /// The failure's body: status, exit code, error, and the ends of standard error and output.
    private static func failureText(_ records: TaskTable, _ row: Int, output: TaskAttempt?) -> String {
        var lines = ["status: \(records.status[row])"]
        if records.exitCode[row] != TaskTable.missingInteger { lines.append("exit code: \(records.exitCode[row])") }
        if records.attempts[row] != TaskTable.missingInteger { lines.append("attempts: \(records.attempts[row])") }
        if !records.error.isEmpty(at: row) { lines.append("error: \(records.error[row])") }
        if let output {
            if !output.stderr.isEmpty { lines += ["", "--- standard error, last lines ---", tail(output.stderr)] }
            if !output.stdout.isEmpty { lines += ["", "--- standard output, last lines ---", tail(output.stdout)] }
        }
        return lines.joined(separator: "\n")
    }

    /// The end of `text`, at most ``outputLimit`` bytes (see ``TextTail``), after "…" when it was cut.
    static func tail(_ text: String) -> String {
        text.utf8.count > outputLimit ? "…\n" + TextTail.last(text, bytes: outputLimit) : text
    }

    private static func escaped(_ text: String) -> String { MarkupEscaping.xml(text) }

    /// Seconds with millisecond precision: `1.234`.
    private static func decimal(_ seconds: Double) -> String {
        String(format: "%.3f", seconds)
    }

    /// ISO 8601 without a zone (UTC), the form the common JUnit schema accepts.
    private static func timestamp(_ seconds: Double) -> String {
        String(UTCTime(seconds: seconds).rfc3339().dropLast())
    }
}
