import Foundation
import Support
import Testing
import TestSupport

@testable import Report

/// The data files' numbers and times, formatted as bytes, against Swift's own text and the calendar.
@Suite("numbers and times as the data files write them")
struct ExportValueTests {
    /// What the formatter must give: the shortest decimal that reads back the same, whole numbers without ".0".
    static func expected(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    @Test("a number is Swift's shortest form: whole, milliseconds to the microsecond, and every other kind")
    func numbers() {
        var generator = SeededNumbers(seed: 2026)  // the same values every run, so a failure can be repeated
        var values: [Double] = [0, -0.0, 1, 0.001, 0.5, 0.05, 1234.5, 1234.05, 10.200000000000001, 999_999_999.999,
                                1e9 + 0.5, 1e15, 1e15 + 2, 3_155_760_000_000, 1e-5, 0.1 + 0.2, .greatestFiniteMagnitude,
                                .leastNonzeroMagnitude, -2.5, -1234.567]
        for _ in 0..<20_000 {
            values.append(Double(Int.random(in: 0...5_000_000_000, using: &generator)) / 1000)  // milliseconds, 3 decimals
            values.append(Double.random(in: 0...1e6, using: &generator))  // full precision
            values.append(Double(bitPattern: UInt64.random(in: 0...0x7FEF_FFFF_FFFF_FFFF, using: &generator)))
        }
        let wrong = values.filter { ExportValue.number($0) != Self.expected($0) }
        #expect(wrong.isEmpty, "\(wrong.prefix(5).map { "\($0): \(ExportValue.number($0))" })")
        #expect(ExportValue.number(.nan).isEmpty)
    }

    @Test("a time is RFC 3339 UTC, with milliseconds only when it has a fraction, as Foundation's formatter writes it")
    func times() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        var generator = SeededNumbers(seed: 1127)
        for _ in 0..<5_000 {
            let seconds = Double(Int.random(in: -2_000_000_000_000...253_402_300_799_000, using: &generator)) / 1000
            let text = formatter.string(from: Date(timeIntervalSince1970: seconds))
            let expected = seconds == seconds.rounded(.down) ? text.replacingOccurrences(of: ".000Z", with: "Z") : text
            #expect(ExportValue.time(seconds) == expected, "\(seconds)")
        }
        #expect(ExportValue.time(0) == "1970-01-01T00:00:00Z" && ExportValue.time(-0.5) == "1969-12-31T23:59:59.500Z")
        #expect(ExportValue.time(.nan).isEmpty && ExportValue.integer(Int32.min).isEmpty && ExportValue.integer(-3) == "-3")
    }
}
