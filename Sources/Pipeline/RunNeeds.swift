import Foundation
import Ingest
import Scheduler

/// Which tasks each task of a scheduler's run needed, read back from the
/// task file text its store kept, for the critical path of the Gantt chart.
enum RunNeeds {
    /// The ids each task id of `run` needed; empty when no store kept the run's task file, or
    /// when the text no longer reads as one (written by another version): the chart then has no
    /// critical path, and the report is made all the same.
    /// - Throws: ``IngestError`` when a store cannot be read.
    static func of(run: String?, in loaded: LoadedRecords) throws(IngestError) -> [String: [String]] {
        guard let run, let text = try loaded.taskFileText(run: run),
              let file = try? TaskFile(path: "task file of run \(run)", contents: Data(text.utf8))
        else { return [:] }
        return Dictionary(file.tasks.map { ($0.id, $0.needs) }) { first, _ in first }
    }
}
