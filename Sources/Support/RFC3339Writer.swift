/// Appends many times as RFC 3339 text, exactly as ``UTCTime`` writes them,
/// working out each day's date once: the records of a run fall on a few days,
/// and the calendar arithmetic of every time was a quarter of writing `tasks.csv`.
public struct RFC3339Writer {
    /// The day whose `YYYY-MM-DDT` is in `date`; none at first.
    private var day = Int.min
    private var date: [UInt8] = []

    /// A writer that has written no time yet.
    public init() {}

    /// Appends ``UTCTime/rfc3339(milliseconds:)``'s text for `seconds` to `bytes`.
    public mutating func append(_ seconds: Double, milliseconds: Bool, to bytes: inout [UInt8]) {
        let (day, rest) = UTCTime.dayAndMilliseconds(of: seconds)
        if day != self.day {
            date.removeAll(keepingCapacity: true)
            UTCTime(seconds: Double(day) * 86_400).appendRFC3339(to: &date)
            date.removeLast(date.count - 11)  // "YYYY-MM-DDT"
            self.day = day
        }
        bytes += date
        var scratch: (UInt64, UInt64) = (0, 0)
        let count = withUnsafeMutableBytes(of: &scratch) { text -> Int in
            func put(_ value: Int, at start: Int) {
                text[start] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value / 10)
                text[start + 1] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value % 10)
            }
            put(rest / 3_600_000, at: 0)
            text[2] = UInt8(ascii: ":")
            put(rest % 3_600_000 / 60_000, at: 3)
            text[5] = UInt8(ascii: ":")
            put(rest % 60_000 / 1000, at: 6)
            guard milliseconds else {
                text[8] = UInt8(ascii: "Z")
                return 9
            }
            let millisecond = rest % 1000
            text[8] = UInt8(ascii: ".")
            text[9] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: millisecond / 100)
            put(millisecond % 100, at: 10)
            text[12] = UInt8(ascii: "Z")
            return 13
        }
        // Rebased, so that the text is copied as a block (a slice was copied byte by byte).
        withUnsafeBytes(of: &scratch) { bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[..<count])) }
    }
}
