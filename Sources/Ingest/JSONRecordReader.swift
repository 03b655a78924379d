import CTaskColumns

/// Reads JSON Lines or a JSON array from an open input into a table.
///
/// JSON Lines stream through a fixed buffer, a chunk of whole lines at a time
/// (large chunks parsed as two halves, one per core), so the buffer does not
/// grow with the file; a JSON array streams the same way, a chunk of whole
/// elements at a time. A document whose records are inside it
/// (`--records-at`) is read whole.
struct JSONRecordReader {
    /// Bytes read per chunk of JSON Lines or of a JSON array; a longer line or element grows the buffer.
    /// The buffer and the chunk's parsed halves are held beside the table: 4 MB held 5 MB less at the
    /// peak than 8 MB for the same time on 1M records.
    static let defaultChunkSize = 4 << 20

    /// Chunks at least this large are parsed as two halves, one per core.
    static let parallelThreshold = 1 << 20

    /// Where fields are read from when not from keys of their own names.
    var sources = FieldSources()

    /// Appends the records of a JSON Lines input, in order. `buffer` holds the
    /// first bytes already read from `file`.
    func readLines(from file: InputFile, buffer: PaddedBuffer, into assembler: inout TableAssembler) throws(IngestError) {
        var line = 1
        var atEnd = false
        var firstChunk = true
        let recordsBefore = assembler.count
        // Format detection may already have filled the buffer; a full buffer of whole lines is parsed as it is.
        if buffer.room > 0 { atEnd = try buffer.fill(from: file) == 0 }
        while !atEnd || buffer.count > 0 {
            let contents = buffer.contents
            // Parse up to the last line break; at the end, everything.
            let end: Int
            if atEnd {
                end = contents.count
            } else if let newline = lastNewline(in: contents) {
                end = newline + 1
            } else {
                if buffer.room == 0 { buffer.grow() }  // one line longer than the buffer
                atEnd = try buffer.fill(from: file) == 0
                continue
            }
            let (parts, nextLine) = try parseLines(
                UnsafeRawBufferPointer(rebasing: contents[..<end]), firstLine: line, input: file.name)
            line = nextLine
            atEnd = try OverlappedRefill.refill(buffer, from: file, dropping: end, atEnd: atEnd) {
                for part in parts { assembler.append(part) }
            }
            if firstChunk {  // the first chunk tells how many records the file holds
                assembler.reserve(forRestOf: file, afterParsing: end, thatHeld: assembler.count - recordsBefore)
            }
            firstChunk = false
        }
    }

    /// Appends the records of a JSON array input, streamed like JSON Lines: each chunk's whole
    /// elements are parsed, and the start of an element not yet whole waits for the next chunk.
    func readArray(from file: InputFile, buffer: PaddedBuffer, into assembler: inout TableAssembler) throws(IngestError) {
        let builder = ColumnBuilder(sources: sources)
        guard let reader = tc_json_array_reader_create(builder.table) else { fatalError("out of memory creating the JSON reader") }
        defer { tc_json_array_reader_destroy(reader) }
        // The format's detection filled the buffer, or reached the end of the input.
        var atEnd = false
        if buffer.room > 0 { atEnd = try buffer.fill(from: file) == 0 }
        while true {
            let consumed = try builder.appendJSONArray(buffer.contents, through: reader, last: atEnd, input: file.name)
            assembler.append(builder)
            builder.removeAll()
            if atEnd { return }
            buffer.removeFirst(consumed)
            if buffer.room == 0 { buffer.grow() }  // one element longer than the buffer
            atEnd = try buffer.fill(from: file) == 0
        }
    }

    /// Appends the records of the array at `path` inside a JSON document (`--records-at jobs`), reading the rest of `file`.
    func readRecords(at path: String, from file: InputFile, buffer: PaddedBuffer, into builder: ColumnBuilder) throws(IngestError) {
        try buffer.fillToEnd(from: file)
        try builder.appendJSON(buffer.contents, recordsAt: path, input: file.name)
    }


    /// Parses whole lines into parts, in order: two halves on two threads when the
    /// text is large, one otherwise. Returns them and the number of the next line.
    private func parseLines(
        _ text: UnsafeRawBufferPointer, firstLine: Int, input: String
    ) throws(IngestError) -> (parts: [ColumnBuilder], nextLine: Int) {
        let (parsed, consumed) = try ConcurrentParts.parse(Self.halves(of: text), after: firstLine - 1, sources: sources) { half, part throws(IngestError) in
            try part.appendJSONLines(half, firstLine: 1, input: input) - 1
        }
        return (parsed, consumed + 1)
    }

    /// `text` split after the line break nearest its middle, when it is large enough to be worth two threads.
    static func halves(of text: UnsafeRawBufferPointer) -> [UnsafeRawBufferPointer] {
        guard text.count >= parallelThreshold, let newline = text[(text.count / 2)...].firstIndex(of: 0x0A),
              newline + 1 < text.count
        else { return [text] }
        return [UnsafeRawBufferPointer(rebasing: text[..<(newline + 1)]),
                UnsafeRawBufferPointer(rebasing: text[(newline + 1)...])]
    }

    /// The last line break is at most one line from the end, so a backward scan is short.
    private func lastNewline(in bytes: UnsafeRawBufferPointer) -> Int? {
        bytes.lastIndex(of: 0x0A)
    }
}
