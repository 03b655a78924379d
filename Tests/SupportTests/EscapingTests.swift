import Testing

@testable import Support

/// Pieces an attacker puts in a status, a name or an error: markup characters
/// alone and followed by a combining mark (one `Character` with it), line
/// breaks, and controls a terminal acts on.
let hostilePieces = [
    "\"", "\"\u{301}", "'", "'\u{301}", "<", "<\u{301}", ">", "&", "&\u{301}", "\r\n", "\n", "\r", "\t",
    "\u{1B}[31m", "\u{1B}]0;title\u{7}", "\u{9B}2J", "\u{7F}", "\u{0}", "a", "é", "🚀", "\u{FFFE}", "=", "-", "`", "|",
]

/// A deterministic mix of the pieces (a linear congruential generator: same strings on every run).
func hostileStrings(count: Int) -> [String] {
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    return (0..<count).map { _ in
        var text = ""
        for _ in 0..<12 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            text += hostilePieces[Int(state >> 33) % hostilePieces.count]
        }
        return text
    }
}

@Suite("escaping works on Unicode scalars, never on Characters")
struct EscapingTests {
    @Test("a quote, apostrophe, < or & followed by a combining mark is still escaped in HTML")
    func combiningMarks() {
        #expect(MarkupEscaping.html("q\"\u{301} onload=x") == "q&quot;\u{301} onload=x")
        #expect(MarkupEscaping.html("'\u{301}<\u{301}&\u{301}") == "&#39;\u{301}&lt;\u{301}&amp;\u{301}")
    }

    @Test("HTML and XML output holds no markup character outside a character reference, whatever the input")
    func noRawMarkup() {
        for text in hostileStrings(count: 2000) {
            for escaped in [MarkupEscaping.html(text), MarkupEscaping.xml(text)] {
                let bytes = Array(escaped.utf8)
                #expect(!bytes.contains { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") })
                // Every & starts one of the references we write. (Compared as bytes: `hasPrefix` on
                // Strings compares Characters, and ";" with a combining mark after it is another Character.)
                for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: "&") {
                    #expect(["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].contains { bytes[i...].starts(with: $0.utf8) })
                }
                // No control character but tab, LF and CR, and no noncharacter.
                #expect(!escaped.unicodeScalars.contains {
                    ($0.value < 0x20 && !["\t", "\n", "\r"].contains($0)) || (0x7F...0x9F).contains($0.value)
                        || $0.value == 0xFFFE || $0.value == 0xFFFF
                })
            }
        }
    }

    @Test("text with nothing to escape is returned as it is, and exactly when escaping would change nothing")
    func plainText() {
        // Every scalar of the byte ranges the check looks at: ASCII, the C1 controls and Latin-1 (lead
        // byte 0xC2, 0xC3), U+F000–U+FFFF (lead byte 0xEF, the noncharacters), and beyond.
        let scalars = (0..<0x800).compactMap(Unicode.Scalar.init) + (0xEF00..<0x10000).compactMap(Unicode.Scalar.init)
            + ["\u{1F680}", "\u{10FFFF}"]
        for scalar in scalars {
            let text = "a" + String(scalar) + "z"
            #expect(MarkupEscaping.html(text) == MarkupEscaping.htmlByScalars(text), "U+\(String(scalar.value, radix: 16))")
        }
        for text in hostileStrings(count: 500) + ["task-172", "naïve café ✓", "🚀 group-09", ""] {
            #expect(MarkupEscaping.html(text) == MarkupEscaping.htmlByScalars(text))
        }
        // The check does take the short way for the texts most data holds.
        #expect(["task-172", "naïve café ✓", "🚀 group-09", "line\nbreak\ttab", ""].allSatisfy(MarkupEscaping.isPlainForHTML))
        #expect(!["a&b", "\u{9B}", "\u{FFFE}", "q\"\u{301}"].contains(where: MarkupEscaping.isPlainForHTML))
    }

    @Test("control characters are shown as \\x escapes in markup and on terminals")
    func controls() {
        #expect(MarkupEscaping.html("a\u{1B}[31mb\u{0}c\u{9B}") == "a\\x1b[31mb\\x00c\\x9b")
        #expect(MarkupEscaping.xml("tab\there\r\n") == "tab\there\r\n", "XML keeps the whitespace it allows")
        #expect(ControlCharacters.terminalLine("\u{1B}]0;PWNED\u{7}x\ny\u{7F}") == "\\x1b]0;PWNED\\x07x\\x0ay\\x7f")
        #expect(ControlCharacters.terminalLines("usage:\r\n  \u{1B}[1m") == "usage:\\x0d\n  \\x1b[1m", "LF kept, CR shown")
        for text in hostileStrings(count: 500) {
            #expect(!ControlCharacters.terminalLine(text).unicodeScalars.contains {
                $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
            })
        }
    }

    @Test("Markdown: punctuation gets a backslash, line breaks become spaces, controls are shown")
    func markdown() {
        #expect(MarkupEscaping.markdown("| a\r\nb `c` <d>") == "\\| a  b \\`c\\` \\<d\\>")
        #expect(MarkupEscaping.markdown("\u{1B}[2J") == "\\x1b\\[2J", "shown as text; a backslash before x is literal in Markdown")
        for text in hostileStrings(count: 500) {
            let escaped = MarkupEscaping.markdown(text)
            #expect(!escaped.unicodeScalars.contains { $0 == "\n" || $0 == "\r" || $0.value < 0x20 })
        }
    }

    @Test("display text is cut by scalars: one Character of a million combining marks is cut too")
    func cutByScalars() {
        let zalgo = "a" + String(repeating: "\u{301}", count: 1_000_000)
        #expect(zalgo.count == 1)
        let cut = DisplayText.cut(zalgo, to: 300)
        #expect(cut.unicodeScalars.count == 300 && cut.hasSuffix("…"))
        #expect(DisplayText.cut("short", to: 300) == "short")
        #expect(DisplayText.cut("abcdef", to: 4) == "abc…")
        #expect(DisplayText.line("a\r\nb\tc") == "a  b c")
    }
}
