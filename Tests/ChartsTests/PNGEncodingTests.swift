import CPNGEncoder
import Testing
import TestSupport

@testable import Charts

/// The PNG encoder streams its output as IDAT chunks of at most 64 KiB, and PNG surfaces reuse the
/// memory of the charts drawn before them: neither may change a pixel.
@Suite("PNG encoding and surface memory")
struct PNGEncodingTests {
    /// `width` × `height` pixels of seeded noise in Cairo's RGB24 layout (0x00RRGGBB), rows of `stride`
    /// pixels; about half the rows repeat the row above, as most of a chart's rows do.
    static func noise(width: Int, height: Int, stride: Int) -> [UInt32] {
        var numbers = SeededNumbers(seed: 7)
        var pixels: [UInt32] = []
        for y in 0..<height {
            if y > 0, numbers.next(2) == 0 {
                pixels += pixels[(y - 1) * stride..<y * stride]
            } else {
                pixels += (0..<stride).map { _ in UInt32(truncatingIfNeeded: numbers.next(1 << 24)) }
            }
        }
        return pixels
    }

    /// The encoder's output for `pixels`, and the pieces it was handed over in; nil when it fails.
    static func encode(_ pixels: [UInt32], width: Int, height: Int, stride: Int, refuseAfter: Int = .max) -> (bytes: [UInt8], pieces: Int)? {
        final class Sink {
            var bytes: [UInt8] = []
            var pieces = 0
            let refuseAfter: Int
            init(refuseAfter: Int) { self.refuseAfter = refuseAfter }
        }
        let sink = Sink(refuseAfter: refuseAfter)
        let status = pixels.withUnsafeBytes { raw in
            pe_encode_rgb32(
                raw.baseAddress!.assumingMemoryBound(to: UInt8.self), Int32(width), Int32(height), Int32(stride * 4), 1,
                { closure, bytes, count in
                    let sink = Unmanaged<Sink>.fromOpaque(closure!).takeUnretainedValue()
                    guard sink.pieces < sink.refuseAfter else { return 1 }
                    sink.pieces += 1
                    sink.bytes.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
                    return 0
                }, Unmanaged.passUnretained(sink).toOpaque())
        }
        return status == 0 ? (sink.bytes, sink.pieces) : nil
    }

    /// The number of chunks of `type` in a PNG file.
    static func chunks(_ type: String, in png: [UInt8]) -> Int {
        var at = 8, found = 0
        while at + 8 <= png.count {
            let length = png[at..<at + 4].reduce(0) { $0 << 8 | Int($1) }
            if String(decoding: png[at + 4..<at + 8], as: UTF8.self) == type { found += 1 }
            at += 12 + length
        }
        return found
    }

    @Test("an image whose compressed data spans many IDAT chunks decodes to exactly its pixels")
    func manyChunks() throws {
        // Noise does not compress: 300 × 203 × 3 bytes, half of them new rows, are ~90 KB of deflate output,
        // two blocks or more. (203 rows: the encoder hands rows to zlib sixteen at a time.)
        let width = 300, height = 203, stride = 304
        let pixels = Self.noise(width: width, height: height, stride: stride)
        let (png, pieces) = try #require(Self.encode(pixels, width: width, height: height, stride: stride))
        #expect(Self.chunks("IDAT", in: png) >= 2)
        #expect(pieces > 3, "handed over a piece at a time")
        let decoded = try #require(DecodedPNG(png))
        #expect(decoded.width == width && decoded.height == height)
        let expected = (0..<height).flatMap { y in pixels[y * stride..<y * stride + width] }
        #expect(decoded.pixels == expected)
    }

    /// Rows of seeded noise in Cairo's RGB24 layout, `stride` = `width`, where `repeats[y]` makes row y
    /// a copy of the row above.
    static func rows(width: Int, repeats: [Bool]) -> [UInt32] {
        var numbers = SeededNumbers(seed: UInt64(width))
        var pixels: [UInt32] = []
        for (y, repeated) in repeats.enumerated() {
            if y > 0, repeated {
                pixels += pixels[(y - 1) * width..<y * width]
            } else {
                pixels += (0..<width).map { _ in UInt32(truncatingIfNeeded: numbers.next(1 << 24)) }
            }
        }
        return pixels
    }

    /// Rows that repeat the row above bypass zlib: the encoder writes them as deflate blocks of its own
    /// and keeps the adler32 itself. Cairo's reader checks both, so a wrong bit fails the decoding.
    @Test(
        "runs of repeated rows, of every length and in every place, decode to exactly their pixels",
        arguments: [1, 2, 86, 87, 173, 300])
    func repeatedRows(width: Int) throws {
        // 3 × width - 1 zeros follow a repeated row's first zero: a remainder of 2 (widths 1, 87, 173) is
        // written as literals, of 257 (86) as a copy of 257, of 5 (2) and of 125 (300) as shorter copies.
        let runs: [(new: Int, repeated: Int)] = [(1, 1), (2, 3), (1, 15), (17, 16), (3, 40), (16, 1), (1, 2)]
        let repeats = runs.flatMap { Array(repeating: false, count: $0.new) + Array(repeating: true, count: $0.repeated) }
        let pixels = Self.rows(width: width, repeats: repeats)
        let (png, _) = try #require(Self.encode(pixels, width: width, height: repeats.count, stride: width))
        let decoded = try #require(DecodedPNG(png))
        #expect(decoded.width == width && decoded.height == repeats.count)
        #expect(decoded.pixels == pixels)
    }

    @Test("a row after repeated rows that begins as the row before them ended decodes to its pixels")
    func runAcrossRepeatedRows() throws {
        // Filtered, row 0 is all 2s, row 1 (its repeat) zeros, and row 2 starts 2, 2, 2, 2: zlib must not
        // take row 2's start as a run continuing row 0's end, which the repeated rows now stand between.
        let pixels: [UInt32] = [0x020202, 0x020202, 0x020202, 0x020202] + [0x020202, 0x020202, 0x020202, 0x020202]
            + [0x040404, 0x9A3C11, 0x020202, 0x77E001]
        let (png, _) = try #require(Self.encode(pixels, width: 4, height: 3, stride: 4))
        #expect(try #require(DecodedPNG(png)).pixels == pixels)
    }

    @Test("repeated rows whose blocks span many IDAT chunks, after one new row, decode to their pixels")
    func longRepeatedRun() throws {
        // A repeated row one pixel wide is four literals, 32 bits: 20,000 of them are 80 KB, two chunks' worth.
        let width = 1, height = 20001
        let pixels = Self.rows(width: width, repeats: [false] + Array(repeating: true, count: height - 1))
        let (png, _) = try #require(Self.encode(pixels, width: width, height: height, stride: width))
        #expect(Self.chunks("IDAT", in: png) >= 2)
        let decoded = try #require(DecodedPNG(png))
        let same = decoded.pixels == pixels  // outside #expect, which would print every pixel
        #expect(same)
    }

    @Test("a writer that refuses stops the encoding, which fails")
    func refusedWrite() {
        let pixels = Self.noise(width: 300, height: 200, stride: 300)
        #expect(Self.encode(pixels, width: 300, height: 200, stride: 300, refuseAfter: 2) == nil)
        #expect(Self.encode(pixels, width: 0, height: 200, stride: 300) == nil, "no pixels, no image")
    }

    @Test("a chart drawn on memory used before has the pixels it has on fresh memory")
    func reusedMemory() throws {
        let status = Chart.bars(.statusDistribution(sampleStatistics))
        let groups = Chart.bars(.statusByGroup(sampleStatistics))
        let gantt = Chart.gantt(try #require(GanttChart(sampleSchedule)))
        let fresh = [status, groups, gantt].map { ChartRenderer().png($0) }
        let renderer = ChartRenderer()
        // Memory holding what no chart draws: a surface must paint over all of it.
        let poisoned = renderer.memory.take(bytes: 8 << 20)
        poisoned.base.initializeMemory(as: UInt8.self, repeating: 0x5A, count: poisoned.capacity)
        renderer.memory.give(poisoned)
        // Each in turn, larger after smaller and smaller after larger, twice: every one on memory used before.
        for _ in 0..<2 {
            for (chart, first) in zip([gantt, status, groups], [fresh[2], fresh[0], fresh[1]]) {
                let same = renderer.png(chart) == first  // compared outside #expect, which would print every byte
                #expect(same)
            }
        }
    }
}
