/// A point in logical pixels, y growing downwards.
struct Point {
    var x: Double
    var y: Double
}

/// A rectangle in logical pixels.
struct Rect {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var maxX: Double { x + width }
    var maxY: Double { y + height }
}

/// How text is drawn: size in pixels, weight and colour.
struct TextStyle {
    /// The font family of every chart (Debian's fonts-dejavu-core).
    static let family = "DejaVu Sans"

    var size: Double
    var bold = false
    var color = Color.ink
}

/// Which point of a text run its position names.
enum TextAnchor {
    case start, middle, end
}
