/// Reads JSON Lines or a JSON array from an open input into a ``ColumnBuilder``.
///
/// JSON Lines stream through a fixed buffer, a chunk of whole lines at a time,
/// so memory does not grow with the file. A JSON array is one document and is
/// read whole.
struct JSONRecordReader {
    /// Bytes read per chunk of JSON Lines; a longer line grows the buffer.
    static let defaultChunkSize = 8 << 20

    /// Appends the records of a JSON Lines input. `buffer` holds the first
    /// bytes already read from `file`.
    func readLines(from file: InputFile, buffer: PaddedBuffer, into builder: ColumnBuilder) throws(IngestError) {
        var line = 1
        var atEnd = false
        while !atEnd || buffer.count > 0 {
            if !atEnd {
                if buffer.room == 0 { buffer.grow() }
                atEnd = try buffer.fill(from: file) == 0
            }
            let contents = buffer.contents
            // Parse up to the last line break; at the end, everything.
            let end: Int
            if atEnd {
                end = contents.count
            } else if let newline = lastNewline(in: contents) {
                end = newline + 1
            } else {
                continue  // one line longer than the buffer: read on (the buffer grows)
            }
            line = try builder.appendJSONLines(UnsafeRawBufferPointer(rebasing: contents[..<end]), firstLine: line, input: file.name)
            buffer.removeFirst(end)
        }
    }

    /// Appends the records of a JSON array input, reading the rest of `file`.
    func readArray(from file: InputFile, buffer: PaddedBuffer, into builder: ColumnBuilder) throws(IngestError) {
        while true {
            if buffer.room == 0 { buffer.grow() }
            if try buffer.fill(from: file) == 0 { break }
        }
        try builder.appendJSONArray(buffer.contents, input: file.name)
    }

    /// The last line break is at most one line from the end, so a backward scan is short.
    private func lastNewline(in bytes: UnsafeRawBufferPointer) -> Int? {
        bytes.lastIndex(of: 0x0A)
    }
}
