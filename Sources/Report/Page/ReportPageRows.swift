/// The rows and cells the page templates iterate over. Every text is
/// ``HTMLText``, already escaped and formatted for people (or a flag), so
/// templates need no logic and place each value with `{{{…}}}`. Fields ending
/// in `Sort` are raw numbers the sortable tables order by.
extension ReportPage {
    struct Card: TemplateObject {
        let label: HTMLText
        let value: HTMLText
        let detail: HTMLText
        /// `good`, `bad` or `neutral`: a CSS class.
        let tone: HTMLText
        /// A visible mark (`✓`, `!`) and words for screen readers, so the tone is not colour alone.
        let mark: HTMLText
        let toneText: HTMLText
    }

    struct Figure: TemplateObject {
        let name: HTMLText
        let title: HTMLText
        let svg: HTMLText
        let png: HTMLText
        let alt: HTMLText
        let width: Int
        let height: Int
        /// Single-file pages: the SVG markup to place inline, and the PNG as a data URI.
        let inline: Bool
        let inlineSVG: HTMLText
        let pngDataURI: HTMLText
        /// The chart's numbers, as a table beside it.
        let tableHeaders: [HTMLText]
        let tableRows: [FigureRow]
        let markerNote: HTMLText
        let hasMarkerNote: Bool
    }

    struct FigureRow: TemplateObject {
        let label: HTMLText
        let cells: [HTMLText]
    }

    struct StatusRow: TemplateObject {
        let label: HTMLText
        let kind: HTMLText
        let count: HTMLText
        let share: HTMLText
        let color: HTMLText
    }

    struct Metric: TemplateObject {
        let label: HTMLText
        let value: HTMLText
    }

    struct GroupRow: TemplateObject {
        let name: HTMLText
        let total: HTMLText
        let successRate: HTMLText
        let p50: HTMLText
        let p95: HTMLText
        let p50Sort: HTMLText
        let p95Sort: HTMLText
        let counts: [HTMLText]
    }

    struct RunRow: TemplateObject {
        let runId: HTMLText
        let started: HTMLText
        let total: HTMLText
        let counts: [HTMLText]
        let successRate: HTMLText
        let p95: HTMLText
        let p95Sort: HTMLText
        /// The run the rest of the page describes.
        let isShown: Bool
    }

    struct TaskRow: TemplateObject {
        let id: HTMLText
        let name: HTMLText
        let group: HTMLText
        let status: HTMLText
        let kind: HTMLText
        let color: HTMLText
        let duration: HTMLText
        let durationSort: HTMLText
        let started: HTMLText
        let exitCode: HTMLText
        let attempts: HTMLText
        let error: HTMLText
    }

    struct GateRow: TemplateObject {
        let expression: HTMLText
        let measured: HTMLText
        /// `tripped`, `passed` or `unevaluated`: a CSS class.
        let verdict: HTMLText
        /// What the reader sees of the verdict, its mark first: `✗ tripped`, `✓ passed`, `⚠️ not evaluated`.
        let label: HTMLText
        let tripped: Bool
        let evaluated: Bool
    }

    struct ChangeRow: TemplateObject {
        let name: HTMLText
        let group: HTMLText
        let status: HTMLText
        let color: HTMLText
        let baselineStatus: HTMLText
        let baselineColor: HTMLText
        let exitCode: HTMLText
        let error: HTMLText
    }

    struct FlakyRow: TemplateObject {
        let name: HTMLText
        let group: HTMLText
        /// Marks per run, oldest first: `✓ ✗ ✓`.
        let outcomes: HTMLText
        let outcomesText: HTMLText
        let flips: HTMLText
        let retried: HTMLText
        /// In words: `needed 2 attempts`, `flipped 3 times`, or both.
        let reason: HTMLText
    }

    struct RegressionRow: TemplateObject {
        let name: HTMLText
        let group: HTMLText
        let before: HTMLText
        let after: HTMLText
        let change: HTMLText
        let beforeSort: HTMLText
        let afterSort: HTMLText
        let changeSort: HTMLText
        /// Inline SVG made by taskreport from numbers; empty with fewer than two runs.
        let trend: HTMLText
    }
}
