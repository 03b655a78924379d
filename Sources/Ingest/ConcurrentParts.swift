import Dispatch
import Support

/// Parses pieces of one input concurrently, each into a part of its own.
///
/// Used for the halves of a JSON Lines chunk and the rowid ranges of a SQLite
/// table. Each piece counts its lines or rows from the start of the piece; the
/// counts put them in place, so an error names its true line or row. The
/// first error in input order wins, as if the pieces had been read in turn.
enum ConcurrentParts {
    /// - Parameters:
    ///   - pieces: What to parse, in order.
    ///   - before: Lines or rows that precede the first piece.
    ///   - parse: Parses one piece into a part; returns the lines or rows it consumed.
    /// - Returns: The parts in order, and the lines or rows preceding what comes next.
    static func parse<Piece>(
        _ pieces: [Piece], after before: Int, sources: FieldSources = FieldSources(),
        with parse: @escaping (Piece, ColumnBuilder) throws(IngestError) -> Int
    ) throws(IngestError) -> (parts: [ColumnBuilder], consumed: Int) {
        let jobs = Jobs(pieces: pieces, parts: pieces.map { _ in ColumnBuilder(sources: sources) }, parse: parse)
        let results = ResultSlots<Result<Int, IngestError>>(count: pieces.count)
        DispatchQueue.concurrentPerform(iterations: pieces.count) { k in
            results[k] = Result { () throws(IngestError) -> Int in try jobs.parse(jobs.pieces[k], jobs.parts[k]) }
        }
        var position = before
        for k in pieces.indices {
            switch results[k]! {
            case .success(let count): position += count
            case .failure(let error): throw error.movedDown(by: position)
            }
        }
        return (jobs.parts, position)
    }

    /// The work of one call: job k parses pieces[k] into parts[k].
    ///
    /// `@unchecked Sendable`: each concurrent job touches only its own piece and
    /// part (a piece is a slice of a buffer nobody writes meanwhile, or a
    /// statement on a connection of its own), `parse` captures only immutable
    /// values, and `concurrentPerform` returns only after every job ended.
    private struct Jobs<Piece>: @unchecked Sendable {
        let pieces: [Piece]
        let parts: [ColumnBuilder]
        let parse: (Piece, ColumnBuilder) throws(IngestError) -> Int

        init(pieces: [Piece], parts: [ColumnBuilder], parse: @escaping (Piece, ColumnBuilder) throws(IngestError) -> Int) {
            self.pieces = pieces
            self.parts = parts
            self.parse = parse
        }
    }
}
