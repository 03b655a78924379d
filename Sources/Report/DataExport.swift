/// The files a report writes beside `index.html`, each behind one exporter;
/// the raw value is the file's name, as `--exports` takes it.
public enum DataExport: String, Sendable, CaseIterable {
    case statsJSON = "stats.json"
    case summary = "summary.md"
    case junit = "junit.xml"
    case csv = "tasks.csv"
    case history = "history.jsonl"

    var exporter: any ReportExporter {
        switch self {
        case .statsJSON: StatsJSONExporter()
        case .summary: SummaryExporter()
        case .junit: JUnitExporter()
        case .csv: CSVExporter()
        case .history: HistoryExporter()
        }
    }
}
