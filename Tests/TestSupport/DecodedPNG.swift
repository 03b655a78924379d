import CCairo

/// A PNG read back with Cairo: its size and its pixels as 0xRRGGBB.
public struct DecodedPNG {
    public let width: Int
    public let height: Int
    public let pixels: [UInt32]

    /// Decodes `bytes`; nil when Cairo cannot read them as PNG.
    public init?(_ bytes: [UInt8]) {
        final class Reader {
            let bytes: [UInt8]
            var offset = 0
            init(_ bytes: [UInt8]) { self.bytes = bytes }
        }
        let reader = Reader(bytes)
        let read: cairo_read_func_t = { closure, data, length in
            let reader = Unmanaged<Reader>.fromOpaque(closure!).takeUnretainedValue()
            let count = Int(length)
            guard reader.offset + count <= reader.bytes.count else { return CAIRO_STATUS_READ_ERROR }
            reader.bytes.withUnsafeBufferPointer { source in
                data!.update(from: source.baseAddress! + reader.offset, count: count)
            }
            reader.offset += count
            return CAIRO_STATUS_SUCCESS
        }
        let surface = cairo_image_surface_create_from_png_stream(read, Unmanaged.passUnretained(reader).toOpaque())
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { return nil }
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = cairo_image_surface_get_data(surface)!
        var pixels: [UInt32] = []
        pixels.reserveCapacity(width * height)
        for y in 0..<height {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width { pixels.append(row[x] & 0xFF_FFFF) }
        }
        self.pixels = pixels
    }

    /// How many pixels are exactly `rgb`.
    public func count(_ rgb: UInt32) -> Int { pixels.lazy.filter { $0 == rgb }.count }

    /// The mean colour (0…255 per channel) of each cell of a `columns` × `rows`
    /// grid over the rectangle, row by row: a picture's layout without its exact pixels.
    public func cellMeans(x: Int, y: Int, width w: Int, height h: Int, columns: Int, rows: Int) -> [[Double]] {
        var means: [[Double]] = []
        for row in 0..<rows {
            for column in 0..<columns {
                let x0 = x + w * column / columns, x1 = x + w * (column + 1) / columns
                let y0 = y + h * row / rows, y1 = y + h * (row + 1) / rows
                var sum = [0.0, 0.0, 0.0], n = 0.0
                for py in max(y0, 0)..<min(y1, height) {
                    for px in max(x0, 0)..<min(x1, width) {
                        let p = pixels[py * width + px]
                        sum[0] += Double(p >> 16 & 0xFF)
                        sum[1] += Double(p >> 8 & 0xFF)
                        sum[2] += Double(p & 0xFF)
                        n += 1
                    }
                }
                means.append(sum.map { n > 0 ? $0 / n : 0 })
            }
        }
        return means
    }

    /// The share of pixels that differ from `rgb` (a page's background).
    public func share(differingFrom rgb: UInt32) -> Double {
        Double(pixels.lazy.filter { $0 != rgb }.count) / Double(max(pixels.count, 1))
    }
}
