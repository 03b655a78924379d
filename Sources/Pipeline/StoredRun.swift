import Foundation
import Ingest
import Scheduler
import TaskModel

/// What the stores among the inputs kept about one run beyond its records:
/// each task's attempts, and which tasks each needed, read back from the
/// task file text the store kept (for the critical path of the Gantt chart).
struct StoredRun {
    /// By ``TaskModel/TaskAttempt/key(run:id:)``, the last attempt first.
    let attempts: [String: [TaskAttempt]]
    /// The ids each task id needed; empty when no store kept the run's task file, or when the text
    /// no longer reads as one (written by another version): the chart then has no critical path,
    /// and the report is made all the same.
    let needs: [String: [String]]

    /// Reads what the stores kept about `run` (every run's attempts when nil, and then no needs).
    /// - Throws: ``PipelineError/input(_:)`` when a store cannot be read.
    init(_ run: String?, in loaded: LoadedRecords) throws(PipelineError) {
        (attempts, needs) = try PipelineError.wrapping { () throws(IngestError) in
            (try loaded.attempts(run: run), try Self.needs(of: run, in: loaded))
        }
    }

    private static func needs(of run: String?, in loaded: LoadedRecords) throws(IngestError) -> [String: [String]] {
        guard let run, let text = try loaded.taskFileText(run: run),
              let file = try? TaskFile(path: "task file of run \(run)", contents: Data(text.utf8))
        else { return [:] }
        return Dictionary(file.tasks.map { ($0.id, $0.needs) }) { first, _ in first }
    }
}
