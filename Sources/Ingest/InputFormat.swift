/// The format of an input, told from its first bytes rather than its name.
enum InputFormat: Equatable {
    case jsonArray
    case jsonLines
    case sqlite
    /// Markup: JUnit XML, or XML the JUnit reader refuses by its root element.
    case xml
    /// Nothing but whitespace: zero records.
    case empty
    /// Anything else; carries a printable description of what was found.
    case unknown(found: String)

    /// The first 16 bytes of every SQLite 3 database file.
    static let sqliteHeader = Array("SQLite format 3\0".utf8)

    /// The UTF-8 byte order mark some editors put before JSON text.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// File names that promise a SQLite database.
    static let sqliteExtensions: Set<String> = ["sqlite", "sqlite3", "db", "db3"]

    /// Tells the format from the start of the input. `prefix` must hold the
    /// first bytes as read (at least 16 unless the input is shorter).
    static func detect(_ prefix: UnsafeRawBufferPointer) -> InputFormat {
        if prefix.starts(with: sqliteHeader) { return .sqlite }
        var bytes = prefix[...]
        if bytes.starts(with: byteOrderMark) { bytes = bytes.dropFirst(byteOrderMark.count) }
        guard let first = bytes.first(where: { !isJSONWhitespace($0) }) else { return .empty }
        switch first {
        case UInt8(ascii: "["): return .jsonArray
        case UInt8(ascii: "{"): return .jsonLines
        case UInt8(ascii: "<"): return .xml
        case 0x21...0x7e: return .unknown(found: "'\(Character(Unicode.Scalar(first)))'")
        default: return .unknown(found: "byte 0x\(String(first, radix: 16, uppercase: true))")
        }
    }

    static func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
