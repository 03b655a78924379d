import TaskModel

/// Makes Cairo's SVG output stable, embeddable and accessible.
///
/// Cairo names surfaces from a process-wide counter (`surface1`, `surface6`),
/// so the same chart could differ from run to run and two charts inlined in
/// one page could clash over `glyph0-1`. The finisher renumbers surfaces in
/// order of appearance, prefixes every id and reference with the chart's
/// name, and adds `role="img"` with an escaped `<title>` and `<desc>`, the
/// text alternative that screen readers and search see.
struct SVGFinisher {
    /// Prefix for ids, e.g. "status" → `status-glyph0-1`.
    let prefix: String
    let title: String
    let description: String

    func finish(_ svg: String) -> String {
        var text = renumberSurfaces(svg)
        text = text.replacing("id=\"", with: "id=\"\(prefix)-")
            .replacing("href=\"#", with: "href=\"#\(prefix)-")
            .replacing("url(#", with: "url(#\(prefix)-")
        guard let open = text.firstRange(of: "<svg "), let close = text[open.upperBound...].firstIndex(of: ">") else {
            return text
        }
        let accessible = """
             role="img" aria-labelledby="\(prefix)-title \(prefix)-desc">
            <title id="\(prefix)-title">\(MarkupEscaping.xml(title))</title>
            <desc id="\(prefix)-desc">\(MarkupEscaping.xml(description))</desc>
            """
        text.replaceSubrange(close...close, with: accessible)
        return text
    }

    /// `surfaceN` names renumbered 1, 2, … in order of first appearance.
    private func renumberSurfaces(_ svg: String) -> String {
        var names: [Substring: Int] = [:]
        var result = ""
        result.reserveCapacity(svg.utf8.count)
        var rest = svg[...]
        while let found = rest.firstRange(of: "surface") {
            result += rest[..<found.upperBound]
            let digits = rest[found.upperBound...].prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty {
                let number = names[digits] ?? (names.count + 1)
                names[digits] = number
                result += String(number)
            }
            rest = rest[digits.endIndex...]
        }
        result += rest
        return result
    }
}
