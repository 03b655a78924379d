import Testing

@testable import Support

@Suite("numbers from the data print as text, never trap")
struct NumberTextTests {
    @Test("tiny, infinite and missing values", arguments: [
        (5e-324, "0ms", "0"), (Double.nan, "–", "–"), (Double.infinity, "∞", "∞"), (-Double.infinity, "-∞", "-∞"),
    ])
    func extremes(value: Double, duration: String, count: String) {
        #expect(HumanFormat.duration(milliseconds: value) == duration)
        #expect(HumanFormat.count(value) == count)
    }

    /// Ingest rejects durations over 100 years; beyond 64 bits the figures still print, in exponent form.
    @Test("values beyond 64-bit integers print in exponent form", arguments: [1e300, 1.7e308, 18_446_744_073_709_551_616e10])
    func huge(value: Double) {
        #expect(HumanFormat.duration(milliseconds: value).contains("e+"))
        #expect(HumanFormat.count(value).contains("e+"))
        #expect(["e+", "∞"].contains { HumanFormat.percent(value).contains($0) })
    }

    @Test("ordinary figures keep their form")
    func ordinary() {
        #expect(HumanFormat.count(999) == "999" && HumanFormat.count(1234) == "1.2k" && HumanFormat.count(5) == "5")
        #expect(HumanFormat.duration(milliseconds: 1500) == "1.5s" && HumanFormat.percent(0.973) == "97.3%")
        #expect(HumanFormat.percent(1) == "100%")
    }

    @Test("times beyond the years 1 to 9999 are clamped to them; NaN reads as the epoch")
    func clampedTimes() {
        #expect(UTCTime(seconds: 1e19).rfc3339() == "9999-12-31T23:59:59Z")
        #expect(UTCTime(seconds: -1e19).rfc3339() == "0001-01-01T00:00:00Z")
        #expect(UTCTime(seconds: .greatestFiniteMagnitude).year == 9999)
        #expect(UTCTime(seconds: .nan).rfc3339() == "1970-01-01T00:00:00Z")
        #expect(UTCTime(seconds: 1_795_482_000).rfc3339() == "2026-11-24T01:00:00Z")
    }
}
