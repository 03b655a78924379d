import CCairo

/// The chart font, loaded once from its file through FreeType.
///
/// Cairo's toy font API (`cairo_select_font_face`) goes through fontconfig,
/// which parses its whole configuration and font cache on first use: tens of
/// milliseconds that a 100-record report should not pay. The charts use one
/// known family, so its two files are opened directly. When they are absent
/// (another system), the faces are nil and the toy API is used instead.
enum FontFaces {
    /// Where `fonts-dejavu-core` installs the regular and bold faces.
    static let regularPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    static let boldPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

    /// Two Cairo font faces (`cairo_font_face_t *`).
    ///
    /// Unchecked Sendable, and safe: a font face is never changed after it is
    /// made, Cairo's font faces are reference-counted atomically, and Cairo
    /// locks the underlying FreeType face whenever it uses it, so the drawing
    /// threads may share them.
    struct Pair: @unchecked Sendable {
        let regular: OpaquePointer
        let bold: OpaquePointer
    }

    /// The regular and bold faces, or nil when either file cannot be loaded.
    static let faces: Pair? = load()

    private static func load() -> Pair? {
        var library: FT_Library?
        guard FT_Init_FreeType(&library) == 0, let library else { return nil }
        func face(_ path: String) -> OpaquePointer? {
            var face: FT_Face?
            guard FT_New_Face(library, path, 0, &face) == 0, let face else { return nil }
            // Cairo owns the FreeType face for as long as the font face lives: for the whole process here.
            return cairo_ft_font_face_create_for_ft_face(face, 0)
        }
        guard let regular = face(regularPath), let bold = face(boldPath) else { return nil }
        return Pair(regular: regular, bold: bold)
    }
}
