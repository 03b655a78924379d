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
