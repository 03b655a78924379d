/// The rows of RFC 4180 text, field by field, as bytes: fields in double
/// quotes may hold the delimiter, line breaks and quotes written twice; rows
/// end with LF or CRLF. Decided on bytes, never on `Character`s (`"\r\n"` is
/// one `Character`).
struct CSVFields: IteratorProtocol {
    struct Row {
        /// The line the row starts on, counting from 1.
        let line: Int
        let fields: [[UInt8]]
    }

    private let text: [UInt8]
    private let delimiter: UInt8
    private var position = 0
    private var line = 1
    /// A quote left open at the end of the text, and the line its field started on.
    private(set) var problem: (line: Int, message: String)?

    init(_ text: [UInt8], delimiter: UInt8) {
        self.text = text
        self.delimiter = delimiter
        // A byte order mark before the header is no part of its first name.
        if text.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    mutating func next() -> Row? {
        guard position < text.count, problem == nil else { return nil }
        let start = line
        var fields: [[UInt8]] = []
        var field: [UInt8] = []
        var quoted = false
        while position < text.count {
            let byte = text[position]
            position += 1
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if position < text.count, text[position] == UInt8(ascii: "\"") {
                        field.append(byte)
                        position += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
            } else if byte == UInt8(ascii: "\""), field.isEmpty {
                quoted = true
            } else if byte == delimiter {
                fields.append(field)
                field = []
            } else if byte == 0x0A {
                line += 1
                if field.last == 0x0D { field.removeLast() }
                fields.append(field)
                return Row(line: start, fields: fields)
            } else {
                field.append(byte)
            }
        }
        if quoted {
            problem = (start, "a quoted field is not closed before the end of the file")
            return nil
        }
        if field.last == 0x0D { field.removeLast() }
        fields.append(field)
        return Row(line: start, fields: fields)
    }
}
