import Foundation
import Support
import TaskModel

/// `junit.xml`: the described run as a JUnit test suite, for CI systems that
/// show test results. One `<testcase>` per task record with its time;
/// failed and timed-out tasks carry a `<failure>` with the exit code, the
/// error and the tail of the task's output; skipped, cancelled and unfinished
/// tasks a `<skipped>` with the reason. Streamed as bytes: names and groups
/// are escaped, and statuses classified, once per distinct value, and a
/// passing case is written with no `String` made, so a million records take
/// a fraction of a second.
public struct JUnitExporter: ReportExporter {
    /// At most this much of each output stream goes into a failure, from its end.
    static let outputLimit = 8 * 1024

    public init() {}

    public func files(for document: ReportDocument) -> [ReportFile] {
        [ReportFile(path: "junit.xml") { output in Self.write(document, to: output) }]
    }

    /// Writes the document's `junit.xml` through `output`.
    static func write(_ document: ReportDocument, to output: FileOutput) {
        write(document) { output.write(bytes: $0) }
    }

    /// Writes the document in pieces of about a megabyte to `send`.
    private static func write(_ document: ReportDocument, send: ([UInt8]) -> Void) {
        let records = document.records, rows = 0..<records.count
        let kinds = records.status.entries.map(StatusKind.init(label:))
        let names = records.name.entries.map { escapedBytes($0) }
        let groups = records.group.entries.map { escapedBytes($0.isEmpty ? "tasks" : $0) }
        // The suite's counts come first in the file, so they are counted first.
        var failures = 0, skipped = 0, totalSeconds = 0.0, earliest = Double.infinity
        for row in rows {
            switch kinds[Int(records.status.codes[row])] {
            case .completed: break
            case .failed, .timeout: failures += 1
            default: skipped += 1
            }
            if !records.durationMs[row].isNaN { totalSeconds += records.durationMs[row] / 1000 }
            earliest = min(earliest, records.startedAt[row])
        }
        let suiteName = document.statistics.run.map { "\(document.title) (\($0))" } ?? document.title
        let stamp = earliest.isFinite ? earliest : document.generatedAt.timeIntervalSince1970
        let counts = "tests=\"\(rows.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\" time=\"\(decimal(totalSeconds))\""
        var chunk = Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="\(escaped(document.title))" \(counts)>
              <testsuite name="\(escaped(suiteName))" \(counts) timestamp="\(timestamp(stamp))">

            """.utf8)
        chunk.reserveCapacity((1 << 20) + 4096)
        for row in rows {
            let kind = kinds[Int(records.status.codes[row])]
            chunk.append(contentsOf: "    <testcase name=\"".utf8)
            let name = Int(records.name.codes[row])
            if records.name.entries[name].isEmpty { chunk += escapedBytes(records.id[row]) } else { chunk += names[name] }
            chunk.append(contentsOf: "\" classname=\"".utf8)
            chunk += groups[Int(records.group.codes[row])]
            chunk.append(contentsOf: "\" time=\"".utf8)
            appendDecimal(records.durationMs[row].isNaN ? 0 : records.durationMs[row] / 1000, to: &chunk)
            chunk.append(contentsOf: "\">".utf8)
            if kind == .completed {
                chunk.append(contentsOf: "</testcase>\n".utf8)
            } else {
                chunk += Array(unfinishedCase(records, row, kind: kind, output: document.attempts(ofRow: row).first).utf8)
            }
            if chunk.count >= 1 << 20 {
                send(chunk)
                chunk.removeAll(keepingCapacity: true)
            }
        }
        chunk.append(contentsOf: "  </testsuite>\n</testsuites>\n".utf8)
        send(chunk)
    }

    /// The rest of a `<testcase>` that did not complete: its failure or skip, and its output.
    private static func unfinishedCase(_ records: TaskTable, _ row: Int, kind: StatusKind, output: TaskAttempt?) -> String {
        var text: String
        if kind == .failed || kind == .timeout {
            text = "\n      <failure message=\"\(escaped(failureMessage(records, row)))\" type=\"\(escaped(records.status[row]))\">"
            text += escaped(failureText(records, row, output: output)) + "</failure>\n"
        } else {
            let reason = records.error[row].isEmpty ? records.status[row] : "\(records.status[row]): \(records.error[row])"
            text = "\n      <skipped message=\"\(escaped(reason))\"/>\n"
        }
        if let output {
            if !output.stdout.isEmpty { text += "      <system-out>\(escaped(tail(output.stdout)))</system-out>\n" }
            if !output.stderr.isEmpty { text += "      <system-err>\(escaped(tail(output.stderr)))</system-err>\n" }
        }
        return text + "    </testcase>\n"
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

    private static func escapedBytes(_ text: String) -> [UInt8] { Array(MarkupEscaping.xml(text).utf8) }

    /// Seconds with millisecond precision: `1.234`.
    private static func decimal(_ seconds: Double) -> String {
        var bytes: [UInt8] = []
        appendDecimal(seconds, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `seconds` with three decimals, rounded to the nearest millisecond (`1.234`).
    private static func appendDecimal(_ seconds: Double, to bytes: inout [UInt8]) {
        let milliseconds = Int64((seconds * 1000).rounded())
        ExportValue.append(digitsOf: milliseconds / 1000, to: &bytes)
        let fraction = Int(milliseconds % 1000)
        bytes += [UInt8(ascii: "."), UInt8(ascii: "0") + UInt8(fraction / 100), UInt8(ascii: "0") + UInt8(fraction / 10 % 10),
                  UInt8(ascii: "0") + UInt8(fraction % 10)]
    }

    /// ISO 8601 without a zone (UTC), the form the common JUnit schema accepts.
    private static func timestamp(_ seconds: Double) -> String {
        String(UTCTime(seconds: seconds).rfc3339().dropLast())
    }
}
