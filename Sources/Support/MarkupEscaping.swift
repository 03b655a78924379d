/// Escaping of text from the data for the markup it lands in.
///
/// Every function here works on Unicode scalars, never on `Character`s: a
/// quote followed by a combining mark (`"` U+0301) is one `Character`, and a
/// table lookup by `Character` would let that quote through (the class of
/// CVE-2026-27120). Control characters, which no markup should carry, are
/// shown as `\x1b` text (see ``ControlCharacters``).
public enum MarkupEscaping {
    /// Text safe in HTML element content and in quoted attribute values:
    /// `& < > " '` become character references; control characters are shown
    /// as text; the noncharacters U+FFFE and U+FFFF become U+FFFD.
    public static func html(_ text: String) -> String {
        isPlainForHTML(text) ? text : htmlByScalars(text)
    }

    /// ``html(_:)`` scalar by scalar, whatever the text holds.
    static func htmlByScalars(_ text: String) -> String {
        escape(text) { scalar, result in
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: return false
            }
            return true
        }
    }

    /// Whether `html(text)` is `text` itself: no byte of its UTF-8 starts a scalar that ``html(_:)``
    /// changes. Judged on bytes, and cautiously: 0xC2 leads U+0080–U+00BF (the C1 controls among
    /// them) and 0xEF leads U+F000–U+FFFF (the noncharacters), so either sends the text to the
    /// scalar-by-scalar escape, which is exact. Most texts are plain: names, ids, statuses, numbers.
    static func isPlainForHTML(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for byte in bytes {
                switch byte {
                case 0x09, 0x0A, 0x0D: continue
                case 0x00...0x1F, 0x22, 0x26, 0x27, 0x3C, 0x3E, 0x7F, 0xC2, 0xEF: return false
                default: continue
                }
            }
            return true
        }
    }

    /// Text safe inside XML element content and quoted attributes: as ``html(_:)``,
    /// so that no character XML 1.0 forbids is written.
    public static func xml(_ text: String) -> String {
        html(text)
    }

    /// Text safe anywhere in a Markdown line, table cells included: ASCII
    /// punctuation Markdown (or the HTML it allows) could read as syntax gets
    /// a backslash, and line breaks and tabs become spaces so a cell stays one line.
    public static func markdown(_ text: String) -> String {
        escape(text) { scalar, result in
            switch scalar {
            case "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "#", "+", "-", "!", "|", "~", "<", ">", "&":
                result += "\\"
                result.unicodeScalars.append(scalar)
            case "\n", "\r", "\t": result += " "
            default: return false
            }
            return true
        }
    }

    /// Escapes `text` scalar by scalar: `special` writes the replacement of a
    /// scalar and returns true, or returns false to leave it to the common
    /// rules (control characters shown, noncharacters replaced, the rest kept).
    private static func escape(
        _ text: String, special: (Unicode.Scalar, inout String) -> Bool
    ) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if special(scalar, &result) { continue }
            if ControlCharacters.isShown(scalar, keepingLineBreaks: true) {
                result += ControlCharacters.visible(scalar)
            } else if scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                result += "\u{FFFD}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
