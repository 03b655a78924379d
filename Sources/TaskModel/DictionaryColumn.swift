/// A dictionary-encoded string column: a small code per record and the
/// distinct values, in order of first appearance.
public struct DictionaryColumn: Sendable {
    /// One code per record, an index into ``entries``.
    public var codes: [Int32]
    /// The distinct values; an absent value is stored as the empty string.
    public var entries: [String]

    /// Creates a column from codes and the entries they index.
    public init(codes: [Int32] = [], entries: [String] = []) {
        self.codes = codes
        self.entries = entries
    }

    /// The number of records.
    public var count: Int { codes.count }

    /// The value of record `index`.
    public subscript(index: Int) -> String { entries[Int(codes[index])] }
}
