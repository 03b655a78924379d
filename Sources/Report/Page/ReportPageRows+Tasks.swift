/// The rows of the page's task-by-task sections: failures with their output,
/// every task, and the task × run grid. As with every row, each text is
/// ``HTMLText``, escaped and formatted already.
extension ReportPage {
    /// One failed or timed-out task, with why.
    struct FailureEntry: TemplateObject {
        /// The fragment id of its entry (`failure-3`), which the task table links to.
        let anchor: HTMLText
        let name: HTMLText
        /// The id, when it differs from the name.
        let id: HTMLText
        let group: HTMLText
        let status: HTMLText
        let kind: HTMLText
        let color: HTMLText
        /// `exit 1`, `HTTP 503`, or empty when the records do not say.
        let code: HTMLText
        /// `3 attempts`, or empty for one or when not known.
        let attempts: HTMLText
        let error: HTMLText
        /// The last line the task wrote (to standard error, else to standard output), when the error does not
        /// say it already: the why at a glance. Empty otherwise.
        let lastLine: HTMLText
        /// Each attempt's output, the last first; empty when nothing was kept.
        let outputs: [AttemptOutput]
        let hasOutputs: Bool
        /// Why output kept for it is not shown (the page's budget for output is spent); empty otherwise.
        let outputNote: HTMLText
    }

    /// What one attempt wrote: the ends of its standard error and output.
    struct AttemptOutput: TemplateObject {
        /// `Attempt 2 of 2 · failed · exit 1`, or `Output` when the source names no attempt.
        let heading: HTMLText
        let stderr: HTMLText
        let hasStderr: Bool
        /// `the last 4 KiB of 62 KiB` when cut; empty otherwise.
        let stderrNote: HTMLText
        let stdout: HTMLText
        let hasStdout: Bool
        let stdoutNote: HTMLText
        /// Whether this is the last of several attempts (the one that decided the status).
        let isLastOfSeveral: Bool
    }

    /// A count of failures for one group or one name.
    struct CountRow: TemplateObject {
        let label: HTMLText
        let count: HTMLText
    }

    /// One task of the described run, in the table of every task.
    struct TaskListRow: TemplateObject {
        /// A mark for the status (`✓`, `✗`, `⏱` …), so it never rests on colour alone.
        let mark: HTMLText
        let status: HTMLText
        let kind: HTMLText
        let color: HTMLText
        let name: HTMLText
        /// The id, when it differs from the name.
        let id: HTMLText
        let group: HTMLText
        let duration: HTMLText
        let durationSort: HTMLText
        let attempts: HTMLText
        let started: HTMLText
        let startedSort: HTMLText
        /// `#failure-3` when the task has an entry among the failures; empty otherwise.
        let failureLink: HTMLText
        /// Its place in severity order, for sorting back.
        let severitySort: HTMLText
    }

    /// A run heading a column of the grid.
    struct GridRun: TemplateObject {
        /// Short: the run's start (`11-27 01:00`) or its id cut to a few characters.
        let label: HTMLText
        /// The full run id.
        let runId: HTMLText
        let isShown: Bool
    }

    /// A task across the runs of the grid.
    struct GridRow: TemplateObject {
        let name: HTMLText
        let group: HTMLText
        let failures: HTMLText
        let cells: [GridCell]
    }

    /// How a task ended in one run.
    struct GridCell: TemplateObject {
        /// The status mark; `·` where the task did not run.
        let mark: HTMLText
        let kind: HTMLText
        let color: HTMLText
        /// `failed · 1.2s`, or `did not run`: the cell's title and its words for screen readers.
        let text: HTMLText
        let ran: Bool
    }
}
