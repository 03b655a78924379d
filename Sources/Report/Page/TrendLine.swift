import Support

/// A small inline SVG line of a task's p95 across runs, drawn by taskreport
/// from numbers alone; its label repeats the values as text.
enum TrendLine {
    static let width = 96.0, height = 24.0

    /// The markup, or empty with fewer than two values.
    static func svg(_ values: [Double?]) -> String {
        let known = values.compactMap { $0 }
        guard known.count >= 2, let top = known.max() else { return "" }
        let step = width / Double(max(values.count - 1, 1))
        var points: [String] = []
        for (i, value) in values.enumerated() {
            guard let value else { continue }
            let y = height - 2 - (top > 0 ? value / top : 0) * (height - 4)
            points.append("\(format(Double(i) * step)),\(format(y))")
        }
        let label = "p95 by run, oldest first: "
            + values.map { $0.map { HumanFormat.duration(milliseconds: $0) } ?? "no run" }.joined(separator: ", ")
        let last = points.last!.split(separator: ",")
        return "<svg class=\"trend\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"-2 0 \(Int(width) + 4) \(Int(height))\""
            + " role=\"img\" aria-label=\"\(MarkupEscaping.xml(label))\"><polyline points=\"\(points.joined(separator: " "))\""
            + " fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\"/><circle cx=\"\(last[0])\" cy=\"\(last[1])\" r=\"2.5\""
            + " fill=\"currentColor\"/></svg>"
    }

    private static func format(_ value: Double) -> String {
        String((value * 10).rounded() / 10)
    }
}
