import Support

/// Makes Cairo's SVG output stable, embeddable and accessible.
///
/// Cairo names surfaces from a process-wide counter (`surface1`, `surface6`),
/// so the same chart could differ from run to run and two charts inlined in
/// one page could clash over `glyph0-1`. The finisher renumbers surfaces in
/// order of appearance, prefixes every id and reference with the chart's
/// name, and adds `role="img"` with an escaped `<title>` and `<desc>`, the
/// text alternative that screen readers and search see. A `<style>` turns the
/// drawing dark where the reader's system asks for dark (`prefers-color-scheme`):
/// its lightness inverted and its hues turned back, so a status keeps its
/// colour; scoped by the chart's class, so an inlined chart touches nothing else.
///
/// Works on UTF-8 bytes in one pass: the documents are large and the patterns ASCII.
struct SVGFinisher {
    /// Prefix for ids, e.g. "status" → `status-glyph0-1`.
    let prefix: String
    let title: String
    let description: String

    func finish(_ svg: String) -> String {
        let input = Array(svg.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(input.count + input.count / 8)
        let prefixed = Array("\(prefix)-".utf8)
        let accessible = Array("""
             class="taskreport-chart" role="img" aria-labelledby="\(prefix)-title \(prefix)-desc">
            <title id="\(prefix)-title">\(MarkupEscaping.xml(title))</title>
            <desc id="\(prefix)-desc">\(MarkupEscaping.xml(description))</desc>
            <style>@media (prefers-color-scheme: dark) { svg.taskreport-chart { filter: invert(0.88) hue-rotate(180deg); } }</style>
            """.utf8)
        // Each pattern is copied and followed by the prefix.
        let patterns = [Array("id=\"".utf8), Array("href=\"#".utf8), Array("url(#".utf8)]
        let surface = Array("surface".utf8)
        let svgOpen = Array("<svg ".utf8)
        var surfaces: [ArraySlice<UInt8>: Int] = [:]
        var openedSVG = false
        // The bytes a pattern can start with: any other byte is copied without trying the patterns,
        // which took most of the time on the digits and spaces that most of a drawing is.
        var starts = [Bool](repeating: false, count: 256)
        for pattern in patterns + [surface, svgOpen] { starts[Int(pattern[0])] = true }
        var i = 0
        while i < input.count {
            if !starts[Int(input[i])] {
                var end = i + 1
                while end < input.count, !starts[Int(input[end])] { end += 1 }
                output += input[i..<end]
                i = end
            } else if !openedSVG, input[i...].starts(with: svgOpen) {
                // Copy the opening tag up to its '>' and put the accessible attributes and elements there.
                let close = input[i...].firstIndex(of: UInt8(ascii: ">")) ?? input.count - 1
                output += input[i..<close]
                output += accessible
                i = close + 1
                openedSVG = true
            } else if let pattern = patterns.first(where: { input[i...].starts(with: $0) }) {
                output += pattern
                output += prefixed
                i += pattern.count
            } else if input[i...].starts(with: surface) {
                output += surface
                i += surface.count
                let digits = input[i...].prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
                if !digits.isEmpty {
                    let number = surfaces[digits] ?? (surfaces.count + 1)
                    surfaces[digits] = number
                    output += Array(String(number).utf8)
                    i += digits.count
                }
            } else {
                output.append(input[i])
                i += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
