/// The last `limit` bytes of a stream, kept as it arrives.
struct OutputTail: Sendable {
    /// The store keeps the last 64 KiB of each stream.
    static let defaultLimit = 64 * 1024

    let limit: Int
    private var bytes: [UInt8] = []

    init(limit: Int = OutputTail.defaultLimit) {
        self.limit = limit
    }

    /// Appends `chunk`, dropping the oldest bytes beyond the limit (in batches, so appending stays cheap).
    mutating func append(_ chunk: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: chunk)
        if bytes.count > 2 * limit { bytes.removeFirst(bytes.count - limit) }
    }

    /// The kept bytes as text; a character cut in two at the start becomes U+FFFD.
    var text: String {
        String(decoding: bytes.suffix(limit), as: UTF8.self)
    }
}
