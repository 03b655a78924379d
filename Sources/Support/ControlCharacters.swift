/// Control characters from the data, shown as text instead of acted on.
///
/// A task's status, name or error can hold ESC, BEL or any other C0 or C1
/// control. Written raw to a terminal they change colours or rewrite the
/// window title; written raw into a page they are parse errors. Wherever data
/// is shown, each becomes its escape as text: ESC is `\x1b`, a C1 control such
/// as CSI is `\x9b`.
public enum ControlCharacters {
    /// Whether `scalar` is a control to show as text: C0 (U+0000–U+001F), DEL
    /// and C1 (U+0080–U+009F). With `keepingLineBreaks`, tab, line feed and
    /// carriage return are kept, as markup may carry them.
    public static func isShown(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: !keepingLineBreaks
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }

    /// `\x1b` for ESC: a backslash, `x` and two lower-case hexadecimal digits.
    public static func visible(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16)
        return "\\x" + (digits.count < 2 ? "0" : "") + digits
    }

    /// `text` fit for one line of a terminal: every control character, line
    /// breaks and tabs included, shown as its escape.
    public static func terminalLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isShown($0, keepingLineBreaks: false) }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if isShown(scalar, keepingLineBreaks: false) {
                result += visible(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `text` fit for a terminal, line by line: line feeds are kept, every other control is shown.
    public static func terminalLines(_ text: String) -> String {
        // Split on the scalar: "\r\n" is one Character, which a split on Characters would miss.
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            .map { terminalLine(String(String.UnicodeScalarView($0))) }.joined(separator: "\n")
    }
}
