import Foundation
import Store
import Support

/// Progress on standard error: on a terminal a live status line (done/total,
/// running now, failures so far) with finished failures printed above it;
/// otherwise one plain line per finished task, for logs.
public final class ProgressLog: RunObserver {
    private let live: Bool
    private var running: [String] = []
    private var failures = 0
    private var done = 0
    private var total = 0

    /// Creates a log; `live` defaults to whether standard error is a terminal.
    public init(live: Bool = isatty(STDERR_FILENO) == 1) {
        self.live = live
    }

    public func started(_ task: TaskSpec, running: [String]) {
        self.running = running
        if live { drawStatus() }
    }

    public func finished(_ task: TaskRecord, done: Int, of total: Int) {
        self.done = done
        self.total = total
        running.removeAll { $0 == task.id }
        if task.status != .completed { failures += 1 }
        let line = Self.line(for: task, done: done, of: total)
        if live {
            if task.status != .completed { write("\r\u{1B}[2K" + line + "\n") }
            drawStatus()
            if done == total { write("\r\u{1B}[2K") }
        } else {
            write(line + "\n")
        }
    }

    /// `[3/12] failed     unit (2 attempts, 1.2s): exit status 1`
    static func line(for task: TaskRecord, done: Int, of total: Int) -> String {
        var detail: [String] = []
        if task.attempts.count > 1 { detail.append("\(task.attempts.count) attempts") }
        if let first = task.attempts.first, let last = task.attempts.last {
            let ms = last.finishedAt.timeIntervalSince(first.startedAt) * 1000
            detail.append(ms < 1000 ? "\(Int(ms))ms" : String(format: "%.1fs", ms / 1000))
        }
        let status = task.status.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
        var line = "[\(done)/\(total)] \(status) \(task.id)"
        if !detail.isEmpty { line += " (" + detail.joined(separator: ", ") + ")" }
        if task.status != .completed, let error = task.error ?? task.attempts.last?.error { line += ": \(error)" }
        // Ids and errors come from the task file and the tasks: show their control characters, never send them.
        return ControlCharacters.terminalLine(line)
    }

    private func drawStatus() {
        var status = "[\(done)/\(max(total, done))] running: \(running.joined(separator: ", "))"
        if failures > 0 { status += " · not completed: \(failures)" }
        write("\r\u{1B}[2K" + DisplayText.cut(ControlCharacters.terminalLine(status), to: 200))
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
