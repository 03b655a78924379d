import Testing

@testable import Support

@Suite("a task's output, made fit to show")
struct OutputTextTests {
    @Test("colour, cursor and title sequences are dropped whole; the text around them stays", arguments: [
        ("\u{1B}[1;31merror:\u{1B}[0m bad", "error: bad"),
        ("\u{1B}]0;window title\u{7}after", "after"),
        ("\u{1B}]8;;https://example.com\u{1B}\\link\u{1B}]8;;\u{1B}\\", "link"),
        ("\u{9B}2Jcleared", "cleared"),
        ("a\u{1B}Mb\u{1B}(Bc", "abc"),
        ("progress\u{1B}[2K\u{1B}[1Gdone", "progressdone"),
        ("line one\r\nline two\ttab", "line one\r\nline two\ttab"),
        ("cut off \u{1B}[38;5", "cut off "),
        ("lone escape \u{1B}", "lone escape "),
        ("é 🚀 \"quoted\"", "é 🚀 \"quoted\""),
    ])
    func stripsEscapes(input: String, expected: String) {
        #expect(Array(TerminalEscapes.stripped(input).unicodeScalars) == Array(expected.unicodeScalars))
    }

    @Test("stripping never keeps an escape character, whatever the mix", arguments: hostileStrings(count: 300))
    func noEscapeSurvives(text: String) {
        let stripped = TerminalEscapes.stripped(text)
        #expect(!stripped.unicodeScalars.contains("\u{1B}") && !stripped.unicodeScalars.contains("\u{9B}"))
    }

    @Test("the tail keeps the last bytes, from a line start in its first quarter, never inside a scalar")
    func tail() {
        #expect(TextTail.last("short", bytes: 100) == "short")
        let lines = (1...100).map { "line \($0)" }.joined(separator: "\n")
        let end = TextTail.last(lines, bytes: 40)
        #expect(end.utf8.count <= 40 && end.hasPrefix("line ") && lines.hasSuffix(end), "\(end)")
        let wide = String(repeating: "é", count: 50)  // 2 bytes each: an odd limit falls inside one
        let cut = TextTail.last(wide, bytes: 31)
        #expect(cut == String(repeating: "é", count: 15))
        #expect(TextTail.last(String(repeating: "x", count: 100), bytes: 10) == String(repeating: "x", count: 10))
    }

    @Test("the last line is the last with more than white space on it")
    func lastLine() {
        #expect(TextTail.lastLine("first\nsecond: why\n\n  \n") == "second: why")
        #expect(TextTail.lastLine("one\r\ntwo\r\n") == "two")
        #expect(TextTail.lastLine(" \n\t") == "")
    }

    @Test("a count and its noun agree", arguments: [(0, "0 tasks"), (1, "1 task"), (2, "2 tasks"), (1000, "1000 tasks")])
    func plural(count: Int, expected: String) {
        #expect(Plural.count(count, "task") == expected)
        #expect(Plural.count(1, "new failure") == "1 new failure" && Plural.count(3, "run") == "3 runs")
    }
}
