import Ingest
import Report
import Stats
import Store

/// A report end to end: the inputs read, the statistics computed (against
/// the baseline, if any), the gates checked, the folder written and the
/// summary appended.
///
/// Printing and exit codes are the caller's: the outcome says what happened.
public struct ReportJob: Sendable {
    public let request: ReportRequest
    /// The taskreport version the report names.
    public let toolVersion: String

    /// A job for `request`; nothing is read until ``run()``.
    public init(_ request: ReportRequest, toolVersion: String) {
        self.request = request
        self.toolVersion = toolVersion
    }

    /// Makes the report.
    /// - Returns: Where the page is and what it says, tripped gates included (the report is written either way).
    /// - Throws: ``PipelineError``: an input that cannot be read, a template that fails its checks, a
    ///   folder that cannot be written (the old report then stays whole), a summary that cannot be appended.
    public func run() throws(PipelineError) -> ReportOutcome {
        let (outcome, stores) = try report()
        // Reading a store under its locks leaves `-wal` and `-shm` beside it. With every connection
        // closed, they are folded back, so that a report folder holding the store holds one file.
        for store in stores { TaskStore.tidy(path: store) }
        return outcome
    }

    /// The report, and the paths of the stores among the inputs, whose connections are closed on return.
    private func report() throws(PipelineError) -> (ReportOutcome, stores: [String]) {
        // The built-in templates are parsed on another thread while the records are read.
        if request.templates == nil { TemplateSet.prepareBuiltIn() }
        let start = Self.clock.now
        let loader = request.loader
        let loaded = try PipelineError.wrapping { () throws(IngestError) in
            try loader.read(request.inputs.map(InputSource.init(argument:)))
        }
        let stores = loaded.stores.map(\.input)
        var timings = ReportTimings()
        timings.reading = start.duration(to: Self.clock.now)
        var outcome = try run(over: consume loaded, loader: loader, timings: &timings)
        timings.total = start.duration(to: Self.clock.now)
        outcome.timings = timings
        return (outcome, stores)
    }

    /// The clock of ``ReportTimings``.
    private static let clock = ContinuousClock()

    /// Makes the report of the records read. `loaded` is consumed: once the document holds the described
    /// run's records, the table of every record is let go, before the report is written.
    private func run(
        over loaded: consuming LoadedRecords, loader: TaskLoader, timings: inout ReportTimings
    ) throws(PipelineError) -> ReportOutcome {
        let start = Self.clock.now
        // A --templates folder is read and checked first, so that its errors come before any work; the
        // built-in templates are parsed by the writer, beside the charts.
        let templates = try PipelineError.wrapping { () throws(ReportError) in
            try request.templates.map { path throws(ReportError) in try TemplateSet(folder: path) }
        }
        let history = try request.history.map { path throws(PipelineError) in try HistoryInput(path: path) }
        let document = try self.document(of: consume loaded, history: history, loader: loader, timings: &timings)
        let writer = ReportWriter(
            path: request.folder, templates: templates, exports: request.exports, singleFile: request.singleFile)
        let writing = Self.clock.now
        timings.document = start.duration(to: writing) - timings.statistics
        let written = try PipelineError.wrapping { () throws(ReportError) in try writer.write(document) }
        timings.writing = writing.duration(to: Self.clock.now)
        timings.parts = written.timings
        if let summaryTo = request.summaryTo {
            try PipelineError.wrapping { () throws(ReportError) in try SummaryExporter.append(document, to: summaryTo) }
        }
        return ReportOutcome(page: written.page, document: document, warnings: [history?.warning].compactMap { $0 })
    }

    /// The statistics of the records read, against the baseline and the history if any, and what the stores
    /// kept of the described run, as a document.
    private func document(
        of loaded: consuming LoadedRecords, history: HistoryInput?, loader: TaskLoader, timings: inout ReportTimings
    ) throws(PipelineError) -> ReportDocument {
        let baseline = try PipelineError.wrapping { () throws(IngestError) in
            try request.baseline.map { path throws(IngestError) in try loader.load([InputSource(argument: path)]) }
        }
        let records = loaded.table
        let start = Self.clock.now
        let statistics = TaskStatistics(
            table: records, scope: request.scope, baseline: baseline, prior: history?.records, options: request.statistics)
        timings.statistics = start.duration(to: Self.clock.now)
        // The run the page describes: the latest of several, or the only one.
        let described = statistics.describedRun(in: records)
        let stored = try StoredRun(described, in: loaded)
        return ReportDocument(
            title: request.title, inputs: request.inputs, records: records, statistics: statistics,
            baseline: request.baseline, history: history?.records == nil ? nil : request.history,
            gates: request.gates.map { GateResult($0, statistics: statistics) }, attempts: stored.attempts,
            needs: stored.needs, toolVersion: toolVersion)
    }
}

extension PipelineError {
    /// The value of `body`, its ingest error wrapped.
    static func wrapping<T>(_ body: () throws(IngestError) -> T) throws(PipelineError) -> T {
        do { return try body() } catch { throw .input(error) }
    }

    /// The value of `body`, its report error wrapped.
    static func wrapping<T>(_ body: () throws(ReportError) -> T) throws(PipelineError) -> T {
        do { return try body() } catch { throw .report(error) }
    }
}
