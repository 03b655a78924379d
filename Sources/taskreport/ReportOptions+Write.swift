import ArgumentParser
import Foundation
import Ingest
import Report
import Stats
import Store
import Support
import TaskModel

extension ReportOptions {
    /// Computes the statistics of `records` (against the baseline, if any),
    /// checks the gates, writes the report and the summary, and prints the
    /// path of `index.html` and every tripped gate.
    /// - Parameters:
    ///   - loaded: Every record read, and the stores among the inputs.
    ///   - inputs: The inputs as named on the command line.
    ///   - scope: The latest run, or all records.
    ///   - loader: Reads the baseline like the inputs.
    ///   - title: The report's heading.
    /// - Returns: The document written; ``ReportDocument/failsAGate`` tells whether to exit 1.
    func writeReport(
        loaded: LoadedRecords, inputs: [String], scope: TaskStatistics.RunScope, loader: TaskLoader, title: String
    ) throws -> ReportDocument {
        let records = loaded.table
        let templateSet = try templates.map { path throws(ReportError) in try TemplateSet(folder: path) } ?? TemplateSet()
        let baselineRecords = try baseline.map { path throws(IngestError) in try loader.load([InputSource(argument: path)]) }
        let statistics = TaskStatistics(
            table: records, scope: scope, baseline: baselineRecords, options: try statisticsOptions())
        let described = statistics.run ?? (records.runID.entries.count == 1 ? records.runID.entries[0] : nil)
        let outputs = try loaded.incompleteOutputs(run: described)
        let document = ReportDocument(
            title: title, inputs: inputs, records: records, statistics: statistics, baseline: baseline,
            gates: try gates().map { GateResult($0, statistics: statistics) }, outputs: outputs,
            toolVersion: TaskReport.version)
        let writer = ReportWriter(path: out, templates: templateSet, exports: try dataExports(), singleFile: singleFile)
        print(ControlCharacters.terminalLine(try writer.write(document)))
        if let summaryTo { try append(SummaryExporter.markdown(document), to: summaryTo) }
        for gate in document.gates where gate.tripped {
            ExitReport.warn("gate \(gate.summary)")
        }
        return document
    }

    /// Appends `text` to the file at `path`, creating it when absent.
    /// - Throws: ``CommandFailure`` when any byte did not reach the file: a full disk shows at
    ///   `fflush` or `fclose`, not at the buffered `fwrite`.
    private func append(_ text: String, to path: String) throws {
        func failure() -> CommandFailure {
            CommandFailure(message: "\(path): cannot append the summary: \(String(cString: strerror(errno)))")
        }
        guard let handle = fopen(path, "a") else { throw failure() }
        let bytes = Array(text.utf8)
        let written = fwrite(bytes, 1, bytes.count, handle) == bytes.count && fflush(handle) == 0
        let error = written ? nil : failure()
        guard fclose(handle) == 0, error == nil else { throw error ?? failure() }
    }
}
