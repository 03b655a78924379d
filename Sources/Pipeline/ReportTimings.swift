import Report

/// How long each stage of a report took, wall clock, as `taskreport report --timings` prints them:
/// where the time of a slow report goes, without a profiler.
public struct ReportTimings: Sendable, Equatable {
    /// Reading the inputs into one table.
    public var reading: Duration = .zero
    /// The statistics of the described run and the history across runs.
    public var statistics: Duration = .zero
    /// The rest between reading and writing: a baseline, history or templates folder read, and the
    /// document made (the described run's records, the stores' attempts, the gates).
    public var document: Duration = .zero
    /// Writing the folder, the whole of it; its parts are in ``parts``.
    public var writing: Duration = .zero
    public var parts = WrittenReport.Timings()
    /// From the job's start to its end, the summary appended if asked (the process's own start before it is not counted).
    public var total: Duration = .zero

    public init() {}

    /// One line: each stage in order, in milliseconds, the writing's parts in brackets.
    public var summary: String {
        "reading \(Self.ms(reading)), statistics \(Self.ms(statistics)), document \(Self.ms(document)), "
            + "writing \(Self.ms(writing)) (page \(Self.ms(parts.page)), beside it charts and data files "
            + "\(Self.ms(parts.chartsAndData)); files \(Self.ms(parts.files))); \(Self.ms(total)) in all"
    }

    /// `duration` in milliseconds with one decimal, e.g. `37.4 ms`.
    static func ms(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let tenths = (Double(seconds) * 1e4 + Double(attoseconds) / 1e14).rounded()
        return "\(Int(tenths) / 10).\(Int(tenths) % 10) ms"
    }
}
