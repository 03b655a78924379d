/// The end of a long text, such as a task's output: the part a reader looks
/// at first when something failed.
public enum TextTail {
    /// The last `limit` bytes of `text` in UTF-8, starting at a line when one
    /// starts in the first quarter of them (else at a whole scalar); `text`
    /// itself when it is no longer.
    public static func last(_ text: String, bytes limit: Int) -> String {
        let utf8 = text.utf8
        guard utf8.count > limit else { return text }
        var start = utf8.index(utf8.endIndex, offsetBy: -limit)
        // Never start inside a scalar: skip continuation bytes.
        while start != utf8.endIndex, UTF8.isContinuation(utf8[start]) { utf8.formIndex(after: &start) }
        let quarter = utf8.index(start, offsetBy: limit / 4, limitedBy: utf8.endIndex) ?? utf8.endIndex
        if let newline = utf8[start..<quarter].firstIndex(of: UInt8(ascii: "\n")) {
            start = utf8.index(after: newline)
        }
        return String(Substring(utf8[start...]))
    }

    /// The last line of `text` with more than white space on it; empty when there is none.
    public static func lastLine(_ text: String) -> String {
        let lines = text.unicodeScalars.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
        let line = lines.last { $0.contains { !$0.properties.isWhitespace } }
        return line.map { String(String.UnicodeScalarView($0)) } ?? ""
    }
}
