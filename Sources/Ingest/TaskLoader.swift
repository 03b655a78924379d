import TaskModel

/// Loads task records from JSON, JSON Lines, CSV/TSV with a header row,
/// JUnit XML or SQLite inputs into one columnar ``TaskModel/TaskTable``.
///
/// The format of each input is told from its content. Several inputs are
/// concatenated in the order given, with dictionary codes shared across them.
public struct TaskLoader: Sendable {
    /// SQL run against SQLite inputs instead of reading their `tasks` table.
    public var query: String?
    /// The field delimiter of CSV inputs; nil to tell it from each header (`,` tab `|` `;`).
    public var delimiter: UInt8?
    /// Where the records are inside a JSON document that wraps them (`jobs`, `data.items`); nil when they are
    /// the document (an array) or its lines.
    public var recordsAt: String?
    /// Where fields are read from in JSON and CSV when not from keys of their own names (`--field`).
    public var sources = FieldSources()
    /// Bytes of JSON read at a time; tests shrink it to exercise chunk boundaries.
    var chunkSize = JSONRecordReader.defaultChunkSize

    /// - Parameter query: SQL whose result columns are named like the record schema, or `nil`.
    public init(query: String? = nil) {
        self.query = query
    }

    /// Reads every input.
    /// - Parameter inputs: Files or standard input, in order.
    /// - Returns: All records of all inputs.
    /// - Throws: ``IngestError`` for the first input that cannot be read, naming the place at fault.
    public func load(_ inputs: [InputSource]) throws(IngestError) -> TaskTable {
        try read(inputs).table
    }

    /// Reads every input, keeping the stores among them open for their output tails.
    /// - Parameter inputs: Files or standard input, in order.
    /// - Returns: All records of all inputs, and a reader per store.
    /// - Throws: ``IngestError`` for the first input that cannot be read, naming the place at fault.
    public func read(_ inputs: [InputSource]) throws(IngestError) -> LoadedRecords {
        var assembler = TableAssembler()
        var stores: [StoreReader] = []
        var sawSQLite = false
        for input in inputs {
            switch try load(input, into: &assembler) {
            case .notSQLite: break
            case .sqlite(let store):
                sawSQLite = true
                if let store { stores.append(store) }
            }
        }
        if query != nil, !sawSQLite { throw .queryWithoutSQLite }
        for (field, source) in sources.byField.sorted(by: { $0.key.rawValue < $1.key.rawValue })
        where !assembler.seenSources.contains(field) {
            throw .sourceNotFound(field: field.name, source: source)
        }
        return LoadedRecords(table: assembler.finish(), stores: stores)
    }

    /// What one input turned out to be.
    private enum Kind {
        case notSQLite
        /// A SQLite database, with a reader of its output tails when it is a store.
        case sqlite(StoreReader?)
    }

    /// Reads one input into the table.
    private func load(_ input: InputSource, into assembler: inout TableAssembler) throws(IngestError) -> Kind {
        let file = try InputFile(input)
        let buffer = PaddedBuffer(capacity: chunkSize, padding: ColumnBuilder.jsonPadding)
        // Enough of the start to tell the format: the SQLite header and the first non-blank byte.
        var format = InputFormat.detect(buffer.contents)
        while buffer.count < InputFormat.sqliteHeader.count || format == .empty {
            if buffer.room == 0 { buffer.grow() }
            guard try buffer.fill(from: file) > 0 else { break }
            format = InputFormat.detect(buffer.contents)
        }
        if case .file(let path) = input, format != .sqlite, Self.promisesSQLite(path) {
            throw .notSQLite(input: path)
        }
        if buffer.contents.starts(with: InputFormat.byteOrderMark) {
            buffer.removeFirst(InputFormat.byteOrderMark.count)  // detection skips it; the parser must not see it
        }
        switch format {
        case .jsonLines where recordsAt != nil, .jsonArray where recordsAt != nil:
            let builder = ColumnBuilder(sources: sources)
            try JSONRecordReader(sources: sources).readRecords(at: recordsAt ?? "", from: file, buffer: buffer, into: builder)
            assembler.append(builder)
        case .jsonLines:
            do {
                try JSONRecordReader(sources: sources).readLines(from: file, buffer: buffer, into: &assembler)
            } catch .invalidRecord(let name, let line, let record, let message) where line == 1 {
                throw Self.recordsInside(input) ?? .invalidRecord(input: name, line: line, record: record, message: message)
            }
        case .jsonArray:
            try JSONRecordReader(sources: sources).readArray(from: file, buffer: buffer, into: &assembler)
        case .xml:
            try JUnitRecordReader().read(from: file, buffer: buffer, into: &assembler)
        case .sqlite:
            guard case .file(let path) = input else { throw .sqliteFromStandardInput }
            return .sqlite(try SQLiteRecordReader(query: query).read(path: path, into: &assembler))
        case .empty:
            break
        case .unknown(let found):
            // Not JSON: CSV when its first line is a header naming a status column.
            try buffer.fillToEnd(from: file)
            let text = Array(buffer.contents)
            let header = text.prefix { $0 != 0x0A }
            guard let delimiter = CSVRecordReader.delimiter(ofHeader: header, given: delimiter, sources: sources) else {
                throw .notJSON(input: file.name, line: 1, found: found)
            }
            let builder = ColumnBuilder()
            try CSVRecordReader(delimiter: delimiter, sources: sources).read(text, input: file.name, into: builder)
            assembler.append(builder)
        }
        return .notSQLite
    }

    /// When `input` is a file holding one JSON object with arrays in it, where its records may be (GitHub's
    /// `{"total_count": 2, "jobs": [...]}`): the error that names them and `--records-at`.
    private static func recordsInside(_ input: InputSource) -> IngestError? {
        guard case .file(let path) = input, let file = try? InputFile(input) else { return nil }
        let buffer = PaddedBuffer(capacity: 1 << 16, padding: ColumnBuilder.jsonPadding)
        guard (try? buffer.fillToEnd(from: file)) != nil,
              let fields = ColumnBuilder.arrayFields(of: buffer.contents), !fields.names.isEmpty
        else { return nil }
        return .recordsInside(input: path, fields: fields.names)
    }

    private static func promisesSQLite(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return InputFormat.sqliteExtensions.contains(path[path.index(after: dot)...].lowercased())
    }
}
