/// Terminal escape sequences in a task's output, removed before it is shown.
///
/// Tools colour their output for terminals (`ESC [ 31 m`), move the cursor
/// or set the window title (`ESC ] 0 ; title BEL`). On a page those are noise
/// at best, so the sequences are dropped whole, scalar by scalar; any control
/// left over is shown by the escaping of wherever the text lands
/// (``MarkupEscaping``). The forms removed follow ECMA-48: CSI (`ESC [` or
/// U+009B, parameters, intermediates, a final byte), OSC, DCS, SOS, PM and
/// APC strings (ended by BEL or ST), and other escapes (`ESC`, any
/// intermediates U+0020–U+002F, and a final U+0030–U+007E: `ESC ( B`, `ESC M`).
public enum TerminalEscapes {
    /// `text` without its escape sequences; line breaks and tabs are kept. A
    /// sequence cut off by the end of the text is dropped to the end.
    public static func stripped(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: { $0 == "\u{1B}" || ($0.value >= 0x90 && $0.value <= 0x9F) }) else { return text }
        var result = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            switch scalar.value {
            case 0x1B where i + 1 < scalars.count:
                i = end(after: scalars[i + 1], at: i + 2, in: scalars)
            case 0x1B:
                i += 1
            case 0x9B:
                i = controlSequenceEnd(from: i + 1, in: scalars)
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F:
                i = stringEnd(from: i + 1, in: scalars)
            default:
                result.append(scalar)
                i += 1
            }
        }
        return String(result)
    }

    /// Where the sequence that began with `ESC introducer` ends; the body starts at `start`.
    private static func end(after introducer: Unicode.Scalar, at start: Int, in scalars: [Unicode.Scalar]) -> Int {
        switch introducer {
        case "[": controlSequenceEnd(from: start, in: scalars)
        case "]", "P", "X", "^", "_": stringEnd(from: start, in: scalars)
        case " "..."/": escapeEnd(from: start, in: scalars)
        case "0"..."~": start
        default: start - 1  // ESC before a scalar that starts no sequence: drop the ESC alone
        }
    }

    /// Past a CSI's parameters (0x30–0x3F) and intermediates (0x20–0x2F), and its final byte (0x40–0x7E).
    private static func controlSequenceEnd(from start: Int, in scalars: [Unicode.Scalar]) -> Int {
        var i = start
        while i < scalars.count, (0x20...0x3F).contains(scalars[i].value) { i += 1 }
        if i < scalars.count, (0x40...0x7E).contains(scalars[i].value) { i += 1 }
        return i
    }

    /// Past an escape's further intermediates (0x20–0x2F) and its final byte (0x30–0x7E): `ESC ( B`.
    private static func escapeEnd(from start: Int, in scalars: [Unicode.Scalar]) -> Int {
        var i = start
        while i < scalars.count, (0x20...0x2F).contains(scalars[i].value) { i += 1 }
        if i < scalars.count, (0x30...0x7E).contains(scalars[i].value) { i += 1 }
        return i
    }

    /// Past a control string's terminator: BEL, ST (U+009C) or `ESC \`.
    private static func stringEnd(from start: Int, in scalars: [Unicode.Scalar]) -> Int {
        var i = start
        while i < scalars.count {
            switch scalars[i].value {
            case 0x07, 0x9C: return i + 1
            case 0x1B where i + 1 < scalars.count && scalars[i + 1] == "\\": return i + 2
            default: i += 1
            }
        }
        return i
    }
}
