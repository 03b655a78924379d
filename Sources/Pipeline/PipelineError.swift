import Ingest
import Report
import Scheduler
import Store

/// Why a report or a nightly run stopped, by the stage that said so.
public enum PipelineError: Error, CustomStringConvertible {
    /// An input (or the baseline) could not be read.
    case input(IngestError)
    /// The report could not be made or put in place.
    case report(ReportError)
    /// The task file is not one that can run.
    case taskFile(TaskFileError)
    /// The store could not be opened or written.
    case store(StoreError)

    public var description: String {
        switch self {
        case .input(let error): error.description
        case .report(let error): error.description
        case .taskFile(let error): error.description
        case .store(let error): error.description
        }
    }
}
