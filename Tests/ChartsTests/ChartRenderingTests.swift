import Foundation
import TaskModel
import Testing
import TestSupport

#if canImport(FoundationXML)
import FoundationXML
#endif

@testable import Charts
@testable import Stats

/// Statistics of a small table with one label that must be escaped everywhere.
let hostile = "<script>alert(1)</script>"
let sampleTable: TaskTable = {
    var b = TableBuilder()
    for i in 0..<40 {
        b.add(status: i % 9 == 0 ? "failed" : "completed", group: i % 3 == 0 ? hostile : "etl",
              name: i == 0 ? hostile : "task\(i)", durationMs: Double(i * i * 37 + 5), startedAt: 1_795_482_000 + Double(i * 95),
              run: i < 20 ? "night-1" : "night-2")
    }
    return b.table
}()
let sampleStatistics = TaskStatistics(table: sampleTable, scope: .all)
let sampleSchedule = RunSchedule(table: sampleTable, rows: Array(0..<sampleTable.count))

/// Whether `svg` parses as XML with an `svg` root element.
func parsesAsSVG(_ svg: String) -> Bool {
    final class Root: NSObject, XMLParserDelegate {
        var name: String?
        func parser(_ p: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
            if name == nil { name = e }
        }
    }
    let parser = XMLParser(data: Data(svg.utf8))
    let root = Root()
    parser.delegate = root
    return parser.parse() && root.name == "svg"
}

@Suite("charts drawn with Cairo")
struct ChartRenderingTests {
    @Test("every chart kind gives a PNG at twice the size and a well-formed SVG", arguments: ChartKind.allCases)
    func formats(kind: ChartKind) throws {
        let drawing = try #require(kind.chart(for: sampleStatistics, schedule: sampleSchedule))
        let chart = ChartRenderer().render(drawing, name: kind.rawValue)
        let png = try #require(DecodedPNG(chart.png))
        #expect(png.width == 1600 && png.height == 2 * Int(drawing.size.height))
        #expect(kind == .gantt ? drawing.size.height > ChartRenderer.height : drawing.size.height == ChartRenderer.height,
                "a Gantt chart of 40 tasks is as tall as its rows; the others are all one size")
        #expect(png.count(0xFFFFFF) < png.pixels.count * 98 / 100, "the chart is not blank")
        #expect(parsesAsSVG(chart.svg))
        #expect(chart.svg.contains(#"width="800px""#) || chart.svg.contains(#"width="800""#))
    }

    @Test("the same chart gives byte-identical SVG, whatever was drawn before it")
    func deterministic() {
        let renderer = ChartRenderer()
        let first = renderer.svg(.bars(.statusByGroup(sampleStatistics)), name: "groups")
        _ = renderer.render(.bars(.tasksOverTime(sampleStatistics)), name: "timeline")
        _ = renderer.render(.bars(.durationHistogram(sampleStatistics)), name: "duration")
        let again = renderer.svg(.bars(.statusByGroup(sampleStatistics)), name: "groups")
        #expect(first == again)
        #expect(renderer.png(.bars(.statusByGroup(sampleStatistics))) == renderer.png(.bars(.statusByGroup(sampleStatistics))))
    }

    @Test("ids are prefixed with the chart's name so that charts can share a page")
    func prefixedIDs() {
        let svg = ChartRenderer().svg(.bars(.statusDistribution(sampleStatistics)), name: "status")
        #expect(svg.contains(##"id="status-glyph"##) && svg.contains(##"href="#status-glyph"##))
        #expect(!svg.contains(##"id="glyph"##) && !svg.contains(##"href="#glyph"##))
    }

    @Test("text from the data is escaped in the SVG's title and description")
    func escaping() {
        let svg = ChartRenderer().svg(.bars(.statusByGroup(sampleStatistics)), name: "groups")
        #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!svg.contains("<script"))
        #expect(parsesAsSVG(svg))
    }

    @Test("a bar that dwarfs the others leaves the small ones visible")
    func smallBarsStayVisible() throws {
        var b = TableBuilder()
        for _ in 0..<2_000_000 / 1000 { b.add(status: "completed") }
        b.add(status: "failed")
        var stats = TaskStatistics(table: b.table)
        stats.statuses[0].count = 2_000_000  // a huge bar next to a bar of 1
        let png = try #require(DecodedPNG(ChartRenderer().png(.bars(.statusDistribution(stats)))))
        let red = try #require(Color.status(.failed))
        let rgb = UInt32(red.red * 255) << 16 | UInt32(red.green * 255) << 8 | UInt32(red.blue * 255)
        // At least a 2 px tall bar (4 device pixels) the width of a bar.
        #expect(png.count(rgb) >= 4 * 40, "the failed bar is drawn at a visible height")
        #expect(BarChart.statusDistribution(stats).textAlternative.contains("failed: 1"))
    }

    @Test("an empty chart says so instead of drawing bars")
    func empty() throws {
        let stats = TaskStatistics(table: TaskTable())
        for kind in ChartKind.allCases {
            let drawing = kind.drawing(for: stats, schedule: RunSchedule(table: TaskTable(), rows: []))
            guard case .bars(let chart) = drawing else {
                Issue.record("\(kind): an empty chart is bars that say why")
                continue
            }
            #expect(chart.isEmpty)
            let svg = ChartRenderer().svg(drawing, name: kind.rawValue)
            #expect(parsesAsSVG(svg) && svg.contains(chart.emptyMessage))
            #expect(DecodedPNG(ChartRenderer().png(drawing)) != nil)
            #expect((kind.chart(for: stats, schedule: nil) == nil) == (kind.isHistory || kind == .gantt),
                    "a page leaves out exactly the history and Gantt charts when they have nothing to show")
        }
    }
}
