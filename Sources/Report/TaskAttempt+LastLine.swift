import Support
import TaskModel

extension TaskAttempt {
    /// The last line the attempt wrote, standard error first, then standard output, with terminal
    /// escapes removed; empty when it wrote none, or when `error` already says it. The page shows it
    /// beside a failure and `summary.md` after its error: the why at a glance.
    func lastLine(besides error: String) -> String {
        let stderr = TextTail.lastLine(TerminalEscapes.stripped(self.stderr))
        let line = stderr.isEmpty ? TextTail.lastLine(TerminalEscapes.stripped(stdout)) : stderr
        return error.contains(line) ? "" : DisplayText.line(line)
    }
}
