/// Escaping of text from the data for the markup it lands in.
public enum MarkupEscaping {
    /// Text safe inside XML or HTML element content and quoted attributes:
    /// `& < > " '` become entities, and control characters XML forbids are dropped.
    public static func xml(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Text safe anywhere in a Markdown line, table cells included: ASCII
    /// punctuation Markdown (or the HTML it allows) could read as syntax gets
    /// a backslash, and line breaks become spaces so a cell stays one line.
    public static func markdown(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "#", "+", "-", "!", "|", "~", "<", ">", "&":
                result += "\\"
                result.unicodeScalars.append(scalar)
            case "\n", "\r", "\t": result += " "
            case _ where scalar.value < 0x20: continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
