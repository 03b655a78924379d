import Support
import TaskModel

extension FailureListing {
    /// The entry of the failure at `row`.
    static func entry(
        _ document: ReportDocument, row: Int, number: Int, attempts: [TaskAttempt], outputs: [ReportPage.AttemptOutput],
        outputLeftOut: Bool
    ) -> ReportPage.FailureEntry {
        let records = document.records
        let name = records.name[row], id = records.id[row]
        let attemptCount = records.attempts[row]
        let status = records.status[row]
        return ReportPage.FailureEntry(
            anchor: HTMLText("failure-\(number)"), name: .label(name.isEmpty ? id : name),
            id: name.isEmpty || name == id ? .empty : .label(id), group: .label(records.group[row]), status: .label(status),
            kind: HTMLText(StatusKind(label: status).rawValue), color: ReportPage.statusColor(StatusKind(label: status)),
            code: HTMLText(code(attempts.first, exitCode: records.exitCode[row]) ?? ""),
            attempts: attemptCount == TaskTable.missingInteger ? .empty
                : HTMLText("\(attemptCount) \(attemptCount == 1 ? "attempt" : "attempts")"),
            error: .error(records.error[row]), lastLine: .error(attempts.first?.lastLine(besides: records.error[row]) ?? ""), outputs: outputs, hasOutputs: !outputs.isEmpty,
            outputNote: outputLeftOut
                ? HTMLText("Its output is left out to keep the page small: the page shows \(OutputExcerpt.size(outputBytes)) of output at most, and junit.xml and the store keep it.")
                : .empty)
    }

    /// `HTTP 503` for an HTTP check that answered, else `exit 1`; nil when neither is known.
    static func code(_ attempt: TaskAttempt?, exitCode: Int32) -> String? {
        if let status = attempt?.httpStatus { return "HTTP \(status)" }
        if let code = attempt?.exitCode { return "exit \(code)" }
        return exitCode == TaskTable.missingInteger ? nil : "exit \(exitCode)"
    }

    /// What the attempts wrote, the last first, at most ``attemptLimit`` of them; attempts that wrote nothing are left out.
    /// - Parameter total: The task's attempts, from its record; ``TaskModel/TaskTable/missingInteger`` when not known.
    static func outputs(_ attempts: [TaskAttempt], total: Int) -> [ReportPage.AttemptOutput] {
        attempts.enumerated().filter { !$0.element.wroteNothing }.prefix(attemptLimit).map { index, attempt in
            // One attempt is the task itself: its facts are above. Of several, each says how it ended.
            let several = attempts.count > 1 || total > 1
            var heading = "Output"
            if several, let number = attempt.number {
                heading = "Attempt \(number)" + (total > 1 ? " of \(total)" : "")
                if !attempt.status.isEmpty { heading += " · " + DisplayText.line(attempt.status, limit: 40) }
                if let code = code(attempt, exitCode: TaskTable.missingInteger) { heading += " · " + code }
            }
            let stderr = OutputExcerpt(attempt.stderr), stdout = OutputExcerpt(attempt.stdout)
            return ReportPage.AttemptOutput(
                heading: HTMLText(heading), stderr: HTMLText(stderr.text), hasStderr: !stderr.text.isEmpty,
                stderrNote: HTMLText(stderr.note), stdout: HTMLText(stdout.text), hasStdout: !stdout.text.isEmpty,
                stdoutNote: HTMLText(stdout.note), isLastOfSeveral: index == 0 && several)
        }
    }
}
