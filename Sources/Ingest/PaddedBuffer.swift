/// A growable byte buffer that always keeps `padding` readable bytes after
/// its contents, as the JSON parser requires. The parser reads the padding
/// but never acts on its values, so memory is not cleared first: clearing
/// 8 MiB costs more than reading a small input.
final class PaddedBuffer {
    private(set) var base: UnsafeMutableRawPointer
    private(set) var capacity: Int
    /// The number of bytes of content, at the start of the buffer.
    var count = 0
    let padding: Int

    /// Creates an empty buffer with room for `capacity` bytes of content.
    init(capacity: Int, padding: Int) {
        self.capacity = capacity
        self.padding = padding
        base = .allocate(byteCount: capacity + padding, alignment: 64)
    }

    deinit {
        base.deallocate()
    }

    /// The free room after the content.
    var room: Int { capacity - count }

    /// The content as bytes.
    var contents: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// Doubles the capacity, keeping the content.
    func grow() {
        let larger = UnsafeMutableRawPointer.allocate(byteCount: capacity * 2 + padding, alignment: 64)
        larger.copyMemory(from: base, byteCount: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }

    /// Reads from `file` into the free room.
    /// - Returns: The number of bytes read; 0 at the end of the input.
    func fill(from file: InputFile) throws(IngestError) -> Int {
        let n = try file.read(into: base + count, count: room)
        count += n
        return n
    }

    /// Reads the rest of `file`, growing to hold it: for formats read as one document.
    func fillToEnd(from file: InputFile) throws(IngestError) {
        while true {
            if room == 0 { grow() }
            if try fill(from: file) == 0 { break }
        }
    }

    /// Drops the first `prefix` bytes, moving the rest to the start.
    func removeFirst(_ prefix: Int) {
        (base).copyMemory(from: base + prefix, byteCount: count - prefix)
        count -= prefix
        // Padding after the content must stay readable; it is, since capacity is unchanged.
    }
}
