/// A JSON string literal made from UTF-8 bytes, for files written line by line.
///
/// Escapes are decided on bytes, never on `Character`s (a quote followed by a
/// combining mark is one `Character`). Besides what JSON requires (`"`, `\`,
/// U+0000–U+001F), DEL, the C1 controls and U+2028/U+2029 are written as
/// `\u` escapes, as `stats.json` writes them, so that a terminal that prints
/// the file raw never meets a control sequence.
enum JSONString {
    /// Appends `text` in quotes, escaped, to `line`.
    static func append(_ text: String, to line: inout [UInt8]) {
        let bytes = Array(text.utf8)
        line.append(UInt8(ascii: "\""))
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "\""): line += [0x5C, 0x22]
            case UInt8(ascii: "\\"): line += [0x5C, 0x5C]
            case 0x0A: line += [0x5C, UInt8(ascii: "n")]
            case 0x09: line += [0x5C, UInt8(ascii: "t")]
            case 0x0D: line += [0x5C, UInt8(ascii: "r")]
            case 0..<0x20, 0x7F: appendEscape(UInt32(byte), to: &line)
            case 0xC2 where i + 1 < bytes.count && (0x80...0x9F).contains(bytes[i + 1]):
                appendEscape(UInt32(bytes[i + 1]), to: &line)
                i += 1
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                appendEscape(0x2000 + UInt32(bytes[i + 2]) - 0x80, to: &line)
                i += 2
            default: line.append(byte)
            }
            i += 1
        }
        line.append(UInt8(ascii: "\""))
    }

    /// Appends `\u` and the four hex digits of `value` (below U+10000).
    static func appendEscape(_ value: UInt32, to line: inout [UInt8]) {
        let hex = Array(String(value, radix: 16).utf8)
        line += Array("\\u".utf8) + Array(repeating: UInt8(ascii: "0"), count: 4 - hex.count) + hex
    }
}
