/// A free-text column: the UTF-8 bytes of every record back to back, and
/// `count + 1` offsets so that record `i` is `bytes[offsets[i]..<offsets[i+1]]`.
public struct TextColumn: Sendable {
    public var bytes: [UInt8]
    public var offsets: [UInt64]

    /// Creates a column from its bytes and offsets (`offsets.first == 0`).
    public init(bytes: [UInt8] = [], offsets: [UInt64] = [0]) {
        precondition(offsets.first == 0, "a TextColumn's offsets start at 0")
        self.bytes = bytes
        self.offsets = offsets
    }

    /// The number of records.
    public var count: Int { offsets.count - 1 }

    /// The text of record `index`; empty when the record has none.
    public subscript(index: Int) -> String {
        let range = Int(offsets[index])..<Int(offsets[index + 1])
        return String(decoding: bytes[range], as: UTF8.self)
    }

    /// Whether record `index` has no text.
    public func isEmpty(at index: Int) -> Bool { offsets[index] == offsets[index + 1] }
}
