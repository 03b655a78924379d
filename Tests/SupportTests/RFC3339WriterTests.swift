import Testing

@testable import Support

/// The writer keeps the date of the last day it wrote; whatever the order of the times, its text
/// must be ``UTCTime``'s.
@Suite("times written through one writer")
struct RFC3339WriterTests {
    /// A seeded sequence (a linear congruential generator: the same times on every run) of runs of
    /// times within one day, jumps to other days and years, and the ends of the supported range.
    static func times() -> [Double] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: UInt64) -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (state >> 17) % bound
        }
        var times: [Double] = [0, -0.5, -86_400, 86_399.999, 1e19, -1e19, .greatestFiniteMagnitude, 253_402_300_799.999]
        var now = 1_795_482_000.0
        for _ in 0..<20_000 {
            switch next(10) {
            case 0: now = Double(Int64(next(315_537_897_600_000)) - 62_135_596_800_000) / 1000  // any day, years 1 to 9999
            case 1: now += Double(next(3 * 86_400_000)) / 1000  // a later day, maybe
            case 2: now -= Double(next(86_400_000)) / 1000
            default: now += Double(next(60_000)) / 1000  // the same day, mostly
            }
            times.append(next(4) == 0 ? now.rounded(.down) : now)
        }
        return times
    }

    @Test("each time reads as UTCTime writes it, with and without milliseconds")
    func matchesUTCTime() {
        var writer = RFC3339Writer()
        for seconds in Self.times() {
            for milliseconds in [false, true] {
                var written: [UInt8] = []
                writer.append(seconds, milliseconds: milliseconds, to: &written)
                let expected = UTCTime(seconds: seconds).rfc3339(milliseconds: milliseconds)
                #expect(String(decoding: written, as: UTF8.self) == expected, "\(seconds)")
            }
        }
    }
}
