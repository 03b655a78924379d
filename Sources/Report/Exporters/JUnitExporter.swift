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
        let names = records.name.entries.map { Array(escaped($0).utf8) }
        let groups = records.group.entries.map { Array(escaped($0.isEmpty ? "tasks" : $0).utf8) }
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
            if records.name.entries[name].isEmpty { appendEscaped(records.id[row], to: &chunk) } else { chunk += names[name] }
            chunk.append(contentsOf: "\" classname=\"".utf8)
            chunk += groups[Int(records.group.codes[row])]
            chunk.append(contentsOf: "\" time=\"".utf8)
            appendDecimal(records.durationMs[row].isNaN ? 0 : records.durationMs[row] / 1000, to: &chunk)
            chunk.append(contentsOf: "\">".utf8)
            if kind == .completed {
                chunk.append(contentsOf: "</testcase>\n".utf8)
            } else {
                appendUnfinishedCase(records, row, kind: kind, output: document.attempts(ofRow: row).first, to: &chunk)
            }
            if chunk.count >= 1 << 20 {
                send(chunk)
                chunk.removeAll(keepingCapacity: true)
            }
        }
        chunk.append(contentsOf: "  </testsuite>\n</testsuites>\n".utf8)
        send(chunk)
    }

    /// Appends the rest of a `<testcase>` that did not complete: its failure or skip, and its output.
    /// (Written as bytes, each text escaped on its own: a `String` built for each case and then
    /// escaped was most of the time `--all-runs` took to write a million records' `junit.xml`.)
    private static func appendUnfinishedCase(
        _ records: TaskTable, _ row: Int, kind: StatusKind, output: TaskAttempt?, to chunk: inout [UInt8]
    ) {
        let status = records.status[row]
        if kind == .failed || kind == .timeout {
            chunk.append(contentsOf: "\n      <failure message=\"".utf8)
            appendEscaped(failureMessage(records, row), to: &chunk)
            chunk.append(contentsOf: "\" type=\"".utf8)
            appendEscaped(status, to: &chunk)
            chunk.append(contentsOf: "\">".utf8)
            appendFailureText(records, row, status: status, output: output, to: &chunk)
            chunk.append(contentsOf: "</failure>\n".utf8)
        } else {
            chunk.append(contentsOf: "\n      <skipped message=\"".utf8)
            appendEscaped(status, to: &chunk)
            if !records.error.isEmpty(at: row) {
                chunk.append(contentsOf: ": ".utf8)
                appendEscaped(records.error[row], to: &chunk)
            }
            chunk.append(contentsOf: "\"/>\n".utf8)
        }
        if let output {
            for (stream, text) in [("system-out", output.stdout), ("system-err", output.stderr)] where !text.isEmpty {
                chunk.append(contentsOf: "      <\(stream)>".utf8)
                appendEscaped(tail(text), to: &chunk)
                chunk.append(contentsOf: "</\(stream)>\n".utf8)
            }
        }
        chunk.append(contentsOf: "    </testcase>\n".utf8)
    }

    /// The failure's one-line message: the error, or the exit code.
    private static func failureMessage(_ records: TaskTable, _ row: Int) -> String {
        if !records.error.isEmpty(at: row) { return String(records.error[row].prefix(200)) }
        return records.exitCode[row] == TaskTable.missingInteger ? records.status[row] : "exit code \(records.exitCode[row])"
    }

    /// Appends the failure's body, escaped: status, exit code, error, and the ends of standard error and output,
    /// a line each.
    private static func appendFailureText(
        _ records: TaskTable, _ row: Int, status: String, output: TaskAttempt?, to chunk: inout [UInt8]
    ) {
        chunk.append(contentsOf: "status: ".utf8)
        appendEscaped(status, to: &chunk)
        if records.exitCode[row] != TaskTable.missingInteger {
            chunk.append(contentsOf: "\nexit code: ".utf8)
            ExportValue.append(digitsOf: Int64(records.exitCode[row]), to: &chunk)
        }
        if records.attempts[row] != TaskTable.missingInteger {
            chunk.append(contentsOf: "\nattempts: ".utf8)
            ExportValue.append(digitsOf: Int64(records.attempts[row]), to: &chunk)
        }
        if !records.error.isEmpty(at: row) {
            chunk.append(contentsOf: "\nerror: ".utf8)
            appendEscaped(records.error[row], to: &chunk)
        }
        if let output {
            for (heading, text) in [("standard error", output.stderr), ("standard output", output.stdout)] where !text.isEmpty {
                chunk.append(contentsOf: "\n\n--- \(heading), last lines ---\n".utf8)
                appendEscaped(tail(text), to: &chunk)
            }
        }
    }

    /// The end of `text`, at most ``outputLimit`` bytes (see ``TextTail``), after "…" when it was cut.
    static func tail(_ text: String) -> String {
        text.utf8.count > outputLimit ? "…\n" + TextTail.last(text, bytes: outputLimit) : text
    }

    private static func escaped(_ text: String) -> String { MarkupEscaping.xml(text) }

    private static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: escaped(text).utf8)
    }

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
