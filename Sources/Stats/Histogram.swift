/// Counts of values per bin: bin `i` spans `edges[i]..<edges[i+1]`.
public struct Histogram: Sendable, Codable, Equatable {
    /// How the edges are spaced.
    public enum Scale: String, Sendable, Codable {
        /// Equal widths; the last bin includes its upper edge, as numpy.histogram.
        case linear
        /// Equal ratios; values below the first edge count in the first bin, above the last in the last.
        case log
    }

    public var scale: Scale
    /// `counts.count + 1` edges, in milliseconds.
    public var edgesMs: [Double]
    public var counts: [UInt64]
}
