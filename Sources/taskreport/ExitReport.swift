import ArgumentParser
import Foundation
import Report

/// Prints how the command ended and exits with the matching code.
enum ExitReport {
    /// One line on standard error, then exit.
    static func fail(_ message: String, code: Int32) -> Never {
        FileHandle.standardError.write(Data("taskreport: \(message)\n".utf8))
        exit(code)
    }

    /// Help and version on standard output (exit 0); usage errors on standard error (exit 2).
    static func argumentParser(_ error: Error) -> Never {
        let code = TaskReport.exitCode(for: error)
        if code == .success {
            print(TaskReport.fullMessage(for: error))
            exit(0)
        }
        FileHandle.standardError.write(Data((TaskReport.fullMessage(for: error) + "\n").utf8))
        exit(2)
    }
}

extension ReportError {
    /// Whether the user's input is at fault (a template), rather than the file system.
    var isBadInput: Bool {
        switch self {
        case .badTemplate, .missingTemplate: true
        case .cannotWrite: false
        }
    }
}
