import ArgumentParser
import Foundation
import Pipeline
import Report
import Support

/// Prints how the command ended and exits with the matching code.
enum ExitReport {
    /// One line on standard error (control characters from the data shown as `\x1b`), then exit.
    static func fail(_ message: String, code: Int32) -> Never {
        warn(message)
        exit(code)
    }

    /// One line on standard error, `taskreport: ` first, control characters shown as `\x1b`.
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("taskreport: \(ControlCharacters.terminalLine(message))\n".utf8))
    }

    /// Help and version on standard output (exit 0); usage errors on standard error (exit 2).
    static func argumentParser(_ error: Error) -> Never {
        let code = TaskReport.exitCode(for: error)
        if code == .success {
            print(TaskReport.fullMessage(for: error))
            exit(0)
        }
        FileHandle.standardError.write(Data((ControlCharacters.terminalLines(TaskReport.fullMessage(for: error)) + "\n").utf8))
        exit(2)
    }

    /// The page's path on standard output; on standard error each warning, each gate that could not be
    /// evaluated and each tripped gate, one line each.
    static func show(_ outcome: ReportOutcome) {
        print(ControlCharacters.terminalLine(outcome.page))
        for warning in outcome.warnings { warn("warning: \(warning)") }
        for gate in outcome.document.gates where !gate.evaluated { warn("warning: gate \(gate.summary)") }
        for gate in outcome.trippedGates { warn("gate \(gate.summary)") }
    }
}
