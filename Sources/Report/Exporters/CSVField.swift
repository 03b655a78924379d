/// One CSV field (RFC 4180), made from UTF-8 bytes.
///
/// Whether to quote is decided on bytes, never on `Character`s: `"\r\n"` is
/// one `Character`, equal to neither `"\r"` nor `"\n"`, and `"` followed by a
/// combining mark is one `Character` too; a test by `Character` would leave
/// such a field unquoted, or its quote undoubled, and split the row.
enum CSVField {
    private static let quote = UInt8(ascii: "\"")
    private static let apostrophe = UInt8(ascii: "'")

    /// Appends `bytes` to `row` as one field: with a leading `'` when a
    /// spreadsheet would run it as a formula (it starts with `=`, `+`, `-`,
    /// `@`, tab or CR), and in quotes with its quotes doubled when it holds a
    /// comma, a quote, CR or LF.
    static func append(_ bytes: some Collection<UInt8>, to row: inout [UInt8]) {
        let guarded = bytes.first.map(startsFormula) ?? false
        guard bytes.contains(where: needsQuotes) else {
            if guarded { row.append(apostrophe) }
            row.append(contentsOf: bytes)
            return
        }
        row.append(quote)
        if guarded { row.append(apostrophe) }
        for byte in bytes {
            if byte == quote { row.append(quote) }
            row.append(byte)
        }
        row.append(quote)
    }

    /// The field for `text`, as bytes.
    static func bytes(_ text: String) -> [UInt8] {
        var field: [UInt8] = []
        append(text.utf8, to: &field)
        return field
    }

    private static func needsQuotes(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == quote || byte == 0x0A || byte == 0x0D
    }

    private static func startsFormula(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "@")
            || byte == 0x09 || byte == 0x0D
    }
}
