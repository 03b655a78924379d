import Foundation
import Ingest
import Report
import TaskModel

/// The history a report continues (`--history PATH`): a previous report
/// folder, or the `history.jsonl` it wrote.
struct HistoryInput {
    /// The records of the history's runs, oldest run first; nil when there is none to read.
    let records: TaskTable?
    /// Why there is none, when it was named but is not there (a first night: no artifact yet).
    let warning: String?

    /// Reads the history at `path`.
    /// - Throws: ``PipelineError/input(_:)`` when the file is there but does not read as records,
    ///   naming the file and the line at fault.
    init(path: String) throws(PipelineError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            (records, warning) = (nil, "--history \(path): no such file or folder; the report starts a new history")
            return
        }
        let file = isFolder.boolValue ? (path as NSString).appendingPathComponent(DataExport.history.rawValue) : path
        guard FileManager.default.fileExists(atPath: file) else {
            (records, warning) = (nil, "--history \(path): the folder holds no \(DataExport.history.rawValue); "
                + "the report starts a new history")
            return
        }
        records = try PipelineError.wrapping { () throws(IngestError) in try TaskLoader().load([.file(file)]) }
        warning = nil
    }
}
