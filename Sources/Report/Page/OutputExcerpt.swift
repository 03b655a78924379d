import Support

/// The part of a task's output the page shows: its end, the last
/// ``byteLimit`` bytes, with terminal escape sequences removed and line
/// endings made plain, and a note saying how much came before.
struct OutputExcerpt {
    /// The page shows at most this much of each stream of each attempt.
    static let byteLimit = 4 * 1024

    /// What is shown.
    let text: String
    /// "last 4 KiB of 62 KiB" when the output was longer; empty otherwise.
    let note: String

    init(_ output: String) {
        // Cut before stripping, so a huge output costs no more than a small one;
        // escape sequences rarely take more than the slack.
        let stripped = Self.plainLineEnds(TerminalEscapes.stripped(TextTail.last(output, bytes: 4 * Self.byteLimit)))
        var text = TextTail.last(stripped, bytes: Self.byteLimit)
        // A last line's own line break would show as an empty line in the page.
        if text.unicodeScalars.last == "\n" { text.unicodeScalars.removeLast() }
        self.text = text
        let cut = output.utf8.count > 4 * Self.byteLimit || stripped.utf8.count > Self.byteLimit
        note = cut ? "the last \(Self.size(text.utf8.count)) of \(Self.size(output.utf8.count))" : ""
    }

    /// `text` with each CR LF as LF (scalar by scalar: "\r\n" is one `Character`).
    static func plainLineEnds(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\r")) else { return text }
        var result = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if previous == "\r", scalar != "\n" { result.append("\r") }
            if scalar != "\r" { result.append(scalar) }
            previous = scalar
        }
        if previous == "\r" { result.append("\r") }
        return String(result)
    }

    /// `4 KiB`, `812 bytes`.
    static func size(_ bytes: Int) -> String {
        bytes < 1024 ? "\(bytes) bytes" : HumanFormat.count(Double(bytes) / 1024) + " KiB"
    }
}
