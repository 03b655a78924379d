/// The rows and cells the page templates iterate over; every field is text
/// already formatted for people (or a flag), so templates need no logic.
/// Fields ending in `Sort` are raw numbers the sortable tables order by.
extension ReportPage {
    struct Card {
        let label: String
        let value: String
        let detail: String
        /// `good`, `bad` or `neutral`: a CSS class.
        let tone: String
        /// A visible mark (`✓`, `!`) and words for screen readers, so the tone is not colour alone.
        let mark: String
        let toneText: String
    }

    struct Figure {
        let name: String
        let title: String
        let svg: String
        let png: String
        let alt: String
        let width: Int
        let height: Int
        /// Single-file pages: the SVG markup to place inline, and the PNG as a data URI.
        let inline: Bool
        let inlineSVG: String
        let pngDataURI: String
        /// The chart's numbers, as a table beside it.
        let tableHeaders: [String]
        let tableRows: [FigureRow]
        let markerNote: String
        let hasMarkerNote: Bool
    }

    struct FigureRow {
        let label: String
        let cells: [String]
    }

    struct StatusRow {
        let label: String
        let kind: String
        let count: String
        let share: String
        let color: String
    }

    struct Metric {
        let label: String
        let value: String
    }

    struct GroupRow {
        let name: String
        let total: String
        let successRate: String
        let p50: String
        let p95: String
        let p50Sort: String
        let p95Sort: String
        let counts: [String]
    }

    struct RunRow {
        let runId: String
        let started: String
        let total: String
        let counts: [String]
        let successRate: String
        let p95: String
        let p95Sort: String
        /// The run the rest of the page describes.
        let isShown: Bool
    }

    struct TaskRow {
        let id: String
        let name: String
        let group: String
        let status: String
        let kind: String
        let color: String
        let duration: String
        let durationSort: String
        let started: String
        let exitCode: String
        let attempts: String
        let error: String
    }

    struct GateRow {
        let expression: String
        let measured: String
        /// `tripped` or `passed`, shown as a word and used as a CSS class.
        let verdict: String
        let tripped: Bool
    }

    struct ChangeRow {
        let name: String
        let group: String
        let status: String
        let color: String
        let baselineStatus: String
        let baselineColor: String
        let exitCode: String
        let error: String
    }

    struct FlakyRow {
        let name: String
        let group: String
        /// Marks per run, oldest first: `✓ ✗ ✓`.
        let outcomes: String
        let outcomesText: String
        let flips: String
        let retried: String
    }

    struct RegressionRow {
        let name: String
        let group: String
        let before: String
        let after: String
        let change: String
        let beforeSort: String
        let afterSort: String
        let changeSort: String
        /// Inline SVG made by taskreport from numbers; empty with fewer than two runs.
        let trend: String
    }
}
