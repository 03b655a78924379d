/// A free-text column: the UTF-8 bytes of every record back to back, and
/// where each record's text begins and ends among them.
///
/// A column whose every text is empty (most records have no error, data or
/// output) holds no offsets at all, so a million records of it take no memory.
public struct TextColumn: Sendable {
    /// The text of every record, back to back.
    public private(set) var bytes: [UInt8]
    /// `count + 1` offsets, record `i` being `bytes[offsets[i]..<offsets[i + 1]]`; empty while `bytes` is.
    private var offsets: [UInt64]
    /// The number of records.
    public private(set) var count: Int

    /// Creates a column from its bytes and `count + 1` offsets (`offsets.first == 0`).
    public init(bytes: [UInt8] = [], offsets: [UInt64] = [0]) {
        precondition(offsets.first == 0 && offsets.last == UInt64(bytes.count), "a TextColumn's offsets span its bytes from 0")
        self.bytes = bytes
        self.offsets = bytes.isEmpty ? [] : offsets
        count = offsets.count - 1
    }

    /// A column of `count` empty texts.
    public init(emptyCount count: Int) {
        precondition(count >= 0, "a TextColumn cannot have a negative count")
        bytes = []
        offsets = []
        self.count = count
    }

    /// Where the text of record `index` is in ``bytes``.
    public func byteRange(at index: Int) -> Range<Int> {
        precondition(index >= 0 && index < count, "TextColumn index out of range")
        return offsets.isEmpty ? 0..<0 : Int(offsets[index])..<Int(offsets[index + 1])
    }

    /// The text of record `index`; empty when the record has none.
    public subscript(index: Int) -> String {
        String(decoding: bytes[byteRange(at: index)], as: UTF8.self)
    }

    /// Whether record `index` has no text.
    public func isEmpty(at index: Int) -> Bool { byteRange(at: index).isEmpty }

    /// Makes room for `capacity` records, their texts as long on average as those so far; nothing while
    /// every text is empty (there are then no offsets to hold).
    public mutating func reserveCapacity(_ capacity: Int) {
        guard !offsets.isEmpty, capacity > count else { return }
        offsets.reserveCapacity(capacity + 1)
        bytes.reserveCapacity(Int(Double(bytes.count) / Double(count) * Double(capacity)))
    }

    /// Appends the texts of `partCount` records given as a reader holds them: their bytes, and
    /// `partCount + 1` offsets into them from 0.
    public mutating func append(bytes partBytes: UnsafeRawBufferPointer, offsets partOffsets: UnsafeBufferPointer<UInt64>) {
        let partCount = partOffsets.count - 1
        precondition(partCount >= 0 && partOffsets.first == 0 && partOffsets.last == UInt64(partBytes.count),
                     "a part's offsets span its bytes from 0")
        if !partBytes.isEmpty, offsets.isEmpty {
            offsets = [UInt64](repeating: 0, count: count + 1)  // the first text: every record before has none
        }
        if !offsets.isEmpty {
            let base = UInt64(bytes.count)
            bytes += partBytes
            offsets += partOffsets.dropFirst().lazy.map { $0 + base }
        }
        count += partCount
    }
}
