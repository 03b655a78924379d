/// Text from the data cut to a length people can read where it is shown.
///
/// Lengths count Unicode scalars, not `Character`s: one `Character` can hold
/// any number of combining marks, so a limit in `Character`s would let a
/// megabyte through as "one character". Cutting between a letter and its
/// marks only drops marks.
public enum DisplayText {
    /// Names, groups, statuses and run ids are shown at most this long.
    public static let labelLimit = 300
    /// Error texts are shown at most this long.
    public static let errorLimit = 500

    /// `text` cut to at most `limit` scalars (`limit` ≥ 1), the last of which is "…" when it was cut.
    /// `text` cut to at most `limit` scalars by taking out its middle, which becomes "…": ids such as
    /// `scheduled__2026-11-23T00:00:00+00:00` keep both their kind and their distinguishing end.
    public static func cutMiddle(_ text: String, to limit: Int) -> String {
        let scalars = Array(text.unicodeScalars.prefix(limit + 1))
        guard scalars.count > limit else { return text }
        let all = Array(text.unicodeScalars)
        let kept = max(limit - 1, 0), head = (kept + 1) / 2, tail = kept - head
        var result = String.UnicodeScalarView(all[..<head])
        result.append("…")
        result.append(contentsOf: all[(all.count - tail)...])
        return String(result)
    }

    public static func cut(_ text: String, to limit: Int) -> String {
        let scalars = text.unicodeScalars
        // Counting stops at the limit, so a huge text costs no more than a short one.
        var end = scalars.startIndex
        var count = 0
        while end != scalars.endIndex, count < limit {
            scalars.formIndex(after: &end)
            count += 1
        }
        guard end != scalars.endIndex else { return text }
        let kept = scalars.index(before: end)
        return String(String.UnicodeScalarView(scalars[..<kept])) + "…"
    }

    /// `text` as one line cut to `limit` scalars: line breaks and tabs become spaces.
    public static func line(_ text: String, limit: Int = labelLimit) -> String {
        let short = cut(text, to: limit)
        guard short.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\t" }) else { return short }
        var result = String.UnicodeScalarView()
        for scalar in short.unicodeScalars {
            result.append(scalar == "\n" || scalar == "\r" || scalar == "\t" ? " " : scalar)
        }
        return String(result)
    }
}
