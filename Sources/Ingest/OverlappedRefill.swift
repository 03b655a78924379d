import Support

/// Drops what was parsed from a buffer and reads on into it on a thread of its own, while the
/// caller joins the parsed parts into the table.
///
/// Both are serial: the join copies the parts' columns on one core, and reading is a copy from the
/// page cache on one core. Done one after the other, each left the other core idle. The parts hold
/// copies of what they parsed, so the buffer is free to be refilled as soon as parsing ends.
enum OverlappedRefill {
    /// Drops the first `parsed` bytes of `buffer` and, unless the input has ended, fills its free room
    /// from `file`, on another thread, while `join` runs on this one.
    /// - Returns: Whether the input has ended.
    /// - Throws: ``IngestError`` from reading `file`, after `join` has run.
    static func refill(
        _ buffer: PaddedBuffer, from file: InputFile, dropping parsed: Int, atEnd: Bool, whileJoining join: () -> Void
    ) throws(IngestError) -> Bool {
        let work = Work(buffer: buffer, file: file, parsed: parsed, atEnd: atEnd)
        let reading = SideJob { work.run() }
        join()
        return try reading.value.get()
    }

    /// The reading done on the other thread.
    ///
    /// `@unchecked Sendable`: `buffer` and `file` are used by `run()` alone from the moment the
    /// side job starts until its value is taken, and the caller waits for that before it touches
    /// either again; the joining thread uses neither meanwhile.
    private final class Work: @unchecked Sendable {
        let buffer: PaddedBuffer
        let file: InputFile
        let parsed: Int
        let atEnd: Bool

        init(buffer: PaddedBuffer, file: InputFile, parsed: Int, atEnd: Bool) {
            self.buffer = buffer
            self.file = file
            self.parsed = parsed
            self.atEnd = atEnd
        }

        /// Whether the input has ended, or the error reading it.
        func run() -> Result<Bool, IngestError> {
            buffer.removeFirst(parsed)
            return Result { () throws(IngestError) -> Bool in
                guard !atEnd, buffer.room > 0 else { return atEnd }
                return try buffer.fill(from: file) == 0
            }
        }
    }
}
