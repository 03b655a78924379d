import Testing

@testable import Charts

/// The finisher's rewriting of Cairo's SVG, on a document small enough to write out whole.
@Suite("SVG finishing")
struct SVGFinisherTests {
    @Test("ids, references and surfaces are renamed; every other byte, near misses included, is kept")
    func rewriting() {
        let finisher = SVGFinisher(prefix: "c", title: "T & t", description: "D")
        let input = """
            <?xml version="1.0"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="2"><g id="surface17"><use href="#glyph0-1"/>\
            <rect style="fill:url(#surface9)"/><text>is hid, has hue: sun, surfaces <svg? ident url( href</text>\
            <g id="surface9"/></g></svg>
            """
        let expected = """
            <?xml version="1.0"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="2" class="taskreport-chart" role="img" aria-labelledby="c-title c-desc">
            <title id="c-title">T &amp; t</title>
            <desc id="c-desc">D</desc>
            <style>@media (prefers-color-scheme: dark) { svg.taskreport-chart { filter: invert(0.88) hue-rotate(180deg); } }</style>\
            <g id="c-surface1"><use href="#c-glyph0-1"/>\
            <rect style="fill:url(#c-surface2)"/><text>is hid, has hue: sun, surfaces <svg? ident url( href</text>\
            <g id="c-surface2"/></g></svg>
            """
        #expect(finisher.finish(input) == expected)
    }
}
