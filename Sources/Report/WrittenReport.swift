/// A report folder written: where its page is, and how long the writing took.
public struct WrittenReport: Sendable {
    /// The path of `index.html`.
    public let page: String
    /// How long each part of the writing took.
    public let timings: Timings

    /// How long the parts of writing a report took, wall clock. The page renders on a thread of its
    /// own while the charts and data files are made, so ``page`` and ``chartsAndData`` overlap.
    public struct Timings: Sendable, Equatable {
        /// Rendering `index.html`.
        public var page: Duration
        /// Drawing the charts and making the data files, beside the page.
        public var chartsAndData: Duration
        /// Writing every file into the staging folder (the streamed exports, `tasks.csv` and
        /// `junit.xml`, are formatted as they are written) and moving them into place.
        public var files: Duration

        public init(page: Duration = .zero, chartsAndData: Duration = .zero, files: Duration = .zero) {
            self.page = page
            self.chartsAndData = chartsAndData
            self.files = files
        }
    }
}
