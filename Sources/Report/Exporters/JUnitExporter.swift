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

    /// Creates the exporter.
    public init() {}

    public func files(for document: ReportDocument) -> [ReportFile] {
        [ReportFile(path: "junit.xml", text: Self.xml(document))]
    }

    /// The document as JUnit XML.
    static func xml(_ document: ReportDocument) -> String {
        let t = document.records
        let rows = document.describedRows
        var cases = "", failures = 0, skipped = 0, totalSeconds = 0.0, earliest = Double.infinity
        for i in rows {
            let kind = StatusKind(label: t.status[i])
            let seconds = t.durationMs[i].isNaN ? 0 : t.durationMs[i] / 1000
            totalSeconds += seconds
            if t.startedAt[i] < earliest { earliest = t.startedAt[i] }
            let name = t.name[i].isEmpty ? t.id[i] : t.name[i]
            let output = document.outputs[TaskOutput.key(run: t.runID[i], id: t.id[i])]
            let group = t.group[i].isEmpty ? "tasks" : t.group[i]
            cases += "    <testcase name=\"\(x(name))\" classname=\"\(x(group))\" time=\"\(decimal(seconds))\">"
            switch kind {
            case .completed:
                cases += "</testcase>\n"
                continue
            case .failed, .timeout:
                failures += 1
                cases += "\n      <failure message=\"\(x(failureMessage(t, i)))\" type=\"\(x(t.status[i]))\">"
                cases += x(failureText(t, i, output: output)) + "</failure>\n"
            default:
                skipped += 1
                let reason = t.error[i].isEmpty ? t.status[i] : "\(t.status[i]): \(t.error[i])"
                cases += "\n      <skipped message=\"\(x(reason))\"/>\n"
            }
            if let output {
                if !output.stdout.isEmpty { cases += "      <system-out>\(x(tail(output.stdout)))</system-out>\n" }
                if !output.stderr.isEmpty { cases += "      <system-err>\(x(tail(output.stderr)))</system-err>\n" }
            }
            cases += "    </testcase>\n"
        }
        let suiteName = document.statistics.run.map { "\(document.title) (\($0))" } ?? document.title
        let stamp = earliest.isFinite ? earliest : document.generatedAt.timeIntervalSince1970
        let counts = "tests=\"\(rows.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\" time=\"\(decimal(totalSeconds))\""
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="\(x(document.title))" \(counts)>
              <testsuite name="\(x(suiteName))" \(counts) timestamp="\(timestamp(stamp))">

            """ + cases + """
              </testsuite>
            </testsuites>

            """
    }

    /// The failure's one-line message: the error, or the exit code.
    private static func failureMessage(_ t: TaskTable, _ i: Int) -> String {
        if !t.error.isEmpty(at: i) { return String(t.error[i].prefix(200)) }
        return t.exitCode[i] == TaskTable.missingInteger ? t.status[i] : "exit code \(t.exitCode[i])"
    }

    /// The failure's body: status, exit code, error, and the ends of standard error and output.
    private static func failureText(_ t: TaskTable, _ i: Int, output: TaskOutput?) -> String {
        var lines = ["status: \(t.status[i])"]
        if t.exitCode[i] != TaskTable.missingInteger { lines.append("exit code: \(t.exitCode[i])") }
        if t.attempts[i] != TaskTable.missingInteger { lines.append("attempts: \(t.attempts[i])") }
        if !t.error.isEmpty(at: i) { lines.append("error: \(t.error[i])") }
        if let output {
            if !output.stderr.isEmpty { lines += ["", "--- standard error, last lines ---", tail(output.stderr)] }
            if !output.stdout.isEmpty { lines += ["", "--- standard output, last lines ---", tail(output.stdout)] }
        }
        return lines.joined(separator: "\n")
    }

    /// The end of `text`, at most ``outputLimit`` bytes, cut at a line start when it was cut.
    static func tail(_ text: String) -> String {
        guard text.utf8.count > outputLimit else { return text }
        let end = String(decoding: text.utf8.suffix(outputLimit), as: UTF8.self)
        return "…\n" + (end.firstIndex(of: "\n").map { String(end[end.index(after: $0)...]) } ?? end)
    }

    private static func x(_ text: String) -> String { MarkupEscaping.xml(text) }

    /// Seconds with millisecond precision: `1.234`.
    private static func decimal(_ seconds: Double) -> String {
        String(format: "%.3f", seconds)
    }

    /// ISO 8601 without a zone (UTC), the form the common JUnit schema accepts.
    private static func timestamp(_ seconds: Double) -> String {
        String(UTCTime(seconds: seconds).rfc3339().dropLast())
    }
}
