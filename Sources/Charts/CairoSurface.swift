import CCairo
import CPNGEncoder

/// A drawing surface backed by Cairo: a PNG image or an SVG document.
///
/// With ``FontFaces`` (which loads the font through Cairo's FreeType
/// functions), the only file of Charts that imports `CCairo`, and the only one
/// that imports the PNG encoder it feeds. Coordinates are logical pixels; a
/// PNG is drawn at `scale` device pixels per logical pixel. Both kinds use
/// the same font options (no hinting of metrics), so text measures the same
/// on both and one layout serves both outputs. Used by one thread at a time.
final class CairoSurface {
    enum Kind {
        case png(scale: Double)
        case svg
    }

    let width: Double
    let height: Double
    private let surface: OpaquePointer
    private let context: OpaquePointer
    private let sink: ByteSink
    /// Where a PNG surface's pixels are, and the pool they go back to.
    private let pixels: (block: PixelMemory.Block, memory: PixelMemory)?
    /// What was drawn that a reader reads, in order: `text <string>` for each text, `dashes` for each dashed
    /// line, `backing` for each white fill. Cairo's SVG draws glyphs as paths, so this is how a test sees the words.
    private(set) var readable: [String] = []

    /// Collects the bytes Cairo streams out.
    private final class ByteSink {
        var bytes: [UInt8] = []
    }

    /// Cairo's write callback: appends to the ByteSink passed as closure.
    private static let write: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }

    /// Creates a white surface of `width` × `height` logical pixels. A PNG surface's pixels are taken
    /// from `memory` (a pool of its own when nil) and given back when the surface goes; the white fills
    /// every one of them, whatever they held (chart sizes are whole logical pixels).
    init(kind: Kind, width: Double, height: Double, memory: PixelMemory? = nil) {
        self.width = width
        self.height = height
        sink = ByteSink()
        switch kind {
        case .png(let scale):
            // Opaque: charts have a white background, and PNGs are written as RGB.
            let columns = Int32((width * scale).rounded()), rows = Int32((height * scale).rounded())
            let stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, columns)
            let memory = memory ?? PixelMemory()
            let block = memory.take(bytes: Int(stride) * Int(rows))
            pixels = (block, memory)
            surface = cairo_image_surface_create_for_data(
                block.base.assumingMemoryBound(to: UInt8.self), CAIRO_FORMAT_RGB24, columns, rows, stride)
            context = cairo_create(surface)
            cairo_scale(context, scale, scale)
        case .svg:
            pixels = nil
            surface = cairo_svg_surface_create_for_stream(
                Self.write, Unmanaged.passUnretained(sink).toOpaque(), width, height)
            cairo_svg_surface_restrict_to_version(surface, CAIRO_SVG_VERSION_1_1)
            cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX)
            context = cairo_create(surface)
        }
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_set_font_options(context, options)
        cairo_font_options_destroy(options)
        fill(Rect(x: 0, y: 0, width: width, height: height), Color.white)
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
        if let pixels { pixels.memory.give(pixels.block) }
    }

    // MARK: Drawing

    func fill(_ rect: Rect, _ color: Color) {
        if color == .white { readable.append("backing") }
        setColor(color)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_fill(context)
    }

    /// The outline of `rect`, `width` pixels wide.
    func stroke(_ rect: Rect, _ color: Color, width: Double) {
        setColor(color)
        cairo_set_line_width(context, width)
        cairo_set_dash(context, nil, 0, 0)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_stroke(context)
    }

    /// A straight line; `dash` is the on/off length in pixels, or nil for solid.
    func line(from a: Point, to b: Point, color: Color, width: Double = 1, dash: Double? = nil) {
        if dash != nil { readable.append("dashes") }
        setColor(color)
        cairo_set_line_width(context, width)
        if let dash {
            var pattern = [dash, dash]
            cairo_set_dash(context, &pattern, 2, 0)
        } else {
            cairo_set_dash(context, nil, 0, 0)
        }
        cairo_move_to(context, a.x, a.y)
        cairo_line_to(context, b.x, b.y)
        cairo_stroke(context)
    }

    /// Text whose baseline starts, centres or ends (per `anchor`) at `at`,
    /// turned by `angle` radians around that point.
    func text(_ string: String, at: Point, style: TextStyle, anchor: TextAnchor = .start, angle: Double = 0) {
        readable.append("text " + string)
        select(style)
        setColor(style.color)
        let width = measure(string, style: style)
        cairo_save(context)
        cairo_translate(context, at.x, at.y)
        if angle != 0 { cairo_rotate(context, angle) }
        let dx: Double = switch anchor {
        case .start: 0
        case .middle: -width / 2
        case .end: -width
        }
        cairo_move_to(context, dx, 0)
        cairo_show_text(context, string)
        cairo_restore(context)
    }

    /// The advance width of `string` in `style`, in logical pixels.
    func measure(_ string: String, style: TextStyle) -> Double {
        select(style)
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, string, &extents)
        return extents.x_advance
    }

    // MARK: Output

    /// zlib level for PNGs: flat chart colours compress nearly as well at 1 as at 6, several times faster.
    static let pngCompressionLevel: Int32 = 1

    /// The PNG file's bytes (for a `.png` surface).
    func pngBytes() -> [UInt8] {
        cairo_surface_flush(surface)
        sink.bytes = []
        let status = pe_encode_rgb32(
            cairo_image_surface_get_data(surface), cairo_image_surface_get_width(surface),
            cairo_image_surface_get_height(surface), cairo_image_surface_get_stride(surface), Self.pngCompressionLevel,
            { closure, bytes, count in
                guard let closure, let bytes else { return -1 }
                Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().bytes
                    .append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
                return 0
            }, Unmanaged.passUnretained(sink).toOpaque())
        precondition(status == 0, "encoding a PNG of a valid Cairo image cannot fail")
        return sink.bytes
    }

    /// The SVG document's text (for an `.svg` surface); finishes the surface.
    func svgText() -> String {
        cairo_surface_finish(surface)
        return String(decoding: sink.bytes, as: UTF8.self)
    }

    private func setColor(_ color: Color) {
        cairo_set_source_rgb(context, color.red, color.green, color.blue)
    }

    private func select(_ style: TextStyle) {
        if let faces = FontFaces.faces {
            cairo_set_font_face(context, style.bold ? faces.bold : faces.regular)
        } else {
            cairo_select_font_face(
                context, TextStyle.family, CAIRO_FONT_SLANT_NORMAL,
                style.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        }
        cairo_set_font_size(context, style.size)
    }
}
