import Foundation
import Support

/// The category labels under a bar chart, laid out so that none overlap.
///
/// Horizontal when every label fits its slot. Otherwise each label turns 45°,
/// is shortened in the middle with "…" (its end, where ids differ, kept) until
/// its depth fits ``BarChartRenderer/maximumLabelDepth`` and it stays inside
/// the image's left edge, and only every `step`-th is drawn when neighbours
/// would touch.
struct CategoryLabels {
    let texts: [String]
    private let rotated: Bool
    /// Draw labels whose index is a multiple of this.
    let step: Int
    /// The height the labels take below the axis.
    let depth: Double

    private static let style = BarChartRenderer.labelStyle
    private static let diagonal = sin(Double.pi / 4)

    /// - Parameter left: Where the first slot starts: a turned label reaches left of its bar by its width × sin 45°.
    init(_ categories: [String], slot: Double, left: Double, on surface: CairoSurface) {
        let distinctFrom = Self.commonPrefixLength(categories)
        let shortened = categories.map { Self.shorten($0, to: BarChartRenderer.maximumLabelCharacters, distinctFrom: distinctFrom) }
        let widths = shortened.map { surface.measure($0, style: Self.style) }
        if (widths.max() ?? 0) <= slot - 6 {
            texts = shortened
            rotated = false
            step = 1
            depth = 20
            return
        }
        let lineHeight = Self.style.size * 1.3
        let widthLimit = (BarChartRenderer.maximumLabelDepth - lineHeight * Self.diagonal) / Self.diagonal
        texts = shortened.enumerated().map { c, label in
            // Anchored at its bar's centre + 4, the label runs up-left; keep 4 px of margin at the edge.
            let room = min(widthLimit, (left + (Double(c) + 0.5) * slot) / Self.diagonal)
            var text = label
            var length = text.unicodeScalars.count
            while length > 2, surface.measure(text, style: Self.style) > room {
                length -= 1
                text = Self.shorten(categories[c], to: length, distinctFrom: distinctFrom)
            }
            return text
        }
        rotated = true
        // Turned labels sit slot·sin45° apart, measured across them.
        let ratio = (lineHeight / (slot * Self.diagonal)).rounded(.up)
        step = ratio.isFinite && ratio < Double(categories.count) ? max(1, Int(ratio)) : max(1, categories.count)
        let widest = texts.map { surface.measure($0, style: Self.style) }.max() ?? 0
        depth = 14 + widest * Self.diagonal + lineHeight * Self.diagonal
    }

    /// `text` cut to at most `limit` scalars with "…" where text was taken out, keeping where labels differ:
    /// the middle goes when they differ near the start; when they share a long start
    /// (`scheduled__2026-11-2…`), its first letters stay and the text from a little before the
    /// difference follows (`schedule…-11-23T00:00:00`).
    /// - Parameter distinctFrom: The scalars every label shares at its start.
    static func shorten(_ text: String, to limit: Int, distinctFrom: Int = 0) -> String {
        let limit = max(1, limit)
        let scalars = Array(text.unicodeScalars)
        let from = max(0, distinctFrom - 5)
        guard scalars.count > limit, from > limit / 2, from < scalars.count, limit >= 8 else {
            return DisplayText.cutMiddle(text, to: limit)
        }
        let head = min(8, limit / 3)
        var result = String.UnicodeScalarView(scalars[..<head])
        result.append("…")
        result.append(contentsOf: scalars[from...].prefix(limit - 1 - head))
        return String(result)
    }

    /// How many scalars all of `labels` share at their start; 0 for fewer than two labels.
    static func commonPrefixLength(_ labels: [String]) -> Int {
        guard labels.count > 1, let first = labels.first else { return 0 }
        var length = first.unicodeScalars.count
        for label in labels.dropFirst() {
            length = min(length, zip(first.unicodeScalars, label.unicodeScalars).prefix { $0 == $1 }.count)
            if length == 0 { break }
        }
        return length
    }

    func draw(on surface: CairoSurface, left: Double, slot: Double, baseline: Double) {
        for (c, text) in texts.enumerated() where c % step == 0 {
            let center = left + (Double(c) + 0.5) * slot
            if rotated {
                surface.text(text, at: Point(x: center + 4, y: baseline + 12), style: Self.style, anchor: .end,
                             angle: -Double.pi / 4)
            } else {
                surface.text(text, at: Point(x: center, y: baseline + 15), style: Self.style, anchor: .middle)
            }
        }
    }
}
