import Foundation
import Support

/// The category labels under a bar chart, laid out so that none overlap.
///
/// Horizontal when every label fits its slot. Otherwise each label turns 45°,
/// is shortened with "…" until its depth fits ``BarChartRenderer/maximumLabelDepth``,
/// and only every `step`-th is drawn when neighbours would touch.
struct CategoryLabels {
    private let texts: [String]
    private let rotated: Bool
    /// Draw labels whose index is a multiple of this.
    let step: Int
    /// The height the labels take below the axis.
    let depth: Double

    private static let style = BarChartRenderer.labelStyle
    private static let diagonal = sin(Double.pi / 4)

    init(_ categories: [String], slot: Double, on surface: CairoSurface) {
        let shortened = categories.map { Self.shorten($0, to: BarChartRenderer.maximumLabelCharacters) }
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
        texts = shortened.map { label in
            var text = label
            var length = text.unicodeScalars.count
            while length > 2, surface.measure(text, style: Self.style) > widthLimit {
                length -= 1
                text = Self.shorten(label, to: length)
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

    /// `text` cut to at most `limit` scalars, the last of which is "…".
    static func shorten(_ text: String, to limit: Int) -> String {
        DisplayText.cut(text, to: max(1, limit))
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
