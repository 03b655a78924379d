import Foundation
import Testing
import TestSupport

@testable import Ingest

/// A table's reader remembers the date of the last time it read and works out only the time of day
/// when the next time has the same date. These tests read sequences of times that share and change
/// dates, and check each against a computation of its own.
@Suite("times read one after another")
struct TimeReadingTests {
    /// One time as text, and its Unix seconds computed by Foundation's calendar (an independent computation).
    struct Sample {
        let text: String
        let seconds: Double
    }

    /// A seeded sequence of times over a few dates, so that most share the date before them: with and
    /// without seconds, fractions of 1 to 6 digits, each separator, and zones written as `Z`, `+hh:mm`,
    /// `-hh:mm`, `+hh` or not at all.
    static func samples() -> [Sample] {
        var numbers = SeededNumbers(seed: 20_261_203)
        func next(_ bound: Int) -> Int { Int(numbers.next(UInt64(bound))) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let dates = [(2026, 11, 24), (2026, 11, 25), (2024, 2, 29), (2026, 12, 31), (1999, 1, 1)]
        var date = dates[0]
        return (0..<400).map { _ in
            if next(8) == 0 { date = dates[next(dates.count)] }
            let (hour, minute, second) = (next(24), next(60), next(60))
            let withSeconds = next(4) != 0
            let digits = withSeconds ? next(7) : 0
            let fraction = (0..<digits).map { _ in String(next(10)) }.joined()
            let offsetMinutes = [0, 0, 60, -300, 330, -720][next(6)]
            let zone: String
            switch next(4) {
            case 0 where offsetMinutes == 0: zone = ""
            case 1 where offsetMinutes % 60 == 0: zone = String(format: "%+03d", offsetMinutes / 60)
            case _ where offsetMinutes == 0: zone = "Z"
            default: zone = (offsetMinutes < 0 ? "-" : "+") + String(format: "%02d:%02d", abs(offsetMinutes) / 60, abs(offsetMinutes) % 60)
            }
            let separator = ["T", "t", " "][next(3)]
            var text = String(format: "%04d-%02d-%02d", date.0, date.1, date.2) + separator + String(format: "%02d:%02d", hour, minute)
            if withSeconds { text += String(format: ":%02d", second) }
            if !fraction.isEmpty { text += "." + fraction }
            text += zone
            let components = DateComponents(
                year: date.0, month: date.1, day: date.2, hour: hour, minute: minute, second: withSeconds ? second : 0)
            let local = calendar.date(from: components)!.timeIntervalSince1970
            return Sample(text: text, seconds: local - Double(offsetMinutes * 60) + (Double("0." + fraction) ?? 0))
        }
    }

    @Test("each time of a sequence over a few dates reads as the calendar computes it")
    func sequence() throws {
        let samples = Self.samples()
        let lines = samples.enumerated().map { #"{"id":\#($0.offset),"status":"ok","started_at":"\#($0.element.text)"}"# }
        let table = try load(lines.joined(separator: "\n"))
        #expect(table.count == samples.count)
        for (row, sample) in samples.enumerated() {
            #expect(abs(table.startedAt[row] - sample.seconds) < 1e-6, "\(sample.text)")
        }
    }

    @Test("a time of the date just read is still checked whole")
    func sameDateStillChecked() throws {
        let notATime = "is not an RFC 3339 time (a date and a time of day) or Unix seconds or milliseconds"
        for bad in ["2026-11-24T24:00:00Z", "2026-11-24T23:60Z", "2026-11-24T23:59:61Z", "2026-11-24T23", "2026-11-24",
                    "2026-11-24X01:00", "2026-11-24T01:00:00+24:00", "2026-11-24T01:00:00.Z", "2026-11-24T01:00:00Zjunk",
                    // The length of "…T01:00:00.000Z", which is read as whole words: each byte still checked.
                    "2026-11-24T24:00:00.000Z", "2026-11-24T23:60:00.000Z", "2026-11-24T23:59:61.000Z",
                    "2026-11-24T0a:00:00.000Z", "2026-11-24T01:0/:00.000Z", "2026-11-24T01:00:0::000Z",
                    "2026-11-24T01;00:00.000Z", "2026-11-24T01:00:00,000Z", "2026-11-24T01:00:00.0a0Z",
                    "2026-11-24T01:00:00.00:Z", "2026-11-24T01:00:00.000X", "2026-11-24X01:00:00.000Z"] {
            let message = try failure("""
                {"id":1,"status":"ok","started_at":"2026-11-24T01:00:00Z"}
                {"id":2,"status":"ok","started_at":"\(bad)"}
                """)
            #expect(message == "FILE:2: '\(bad)' \(notATime)")
        }
    }

    @Test("a date that does not exist is rejected after a date that does")
    func impossibleDateAfterAGoodOne() throws {
        let message = try failure("""
            {"id":1,"status":"ok","started_at":"2025-02-28T01:00:00Z"}
            {"id":2,"status":"ok","started_at":"2025-02-29T01:00:00Z"}
            """)
        #expect(message.hasPrefix("FILE:2: '2025-02-29T01:00:00Z' is not an RFC 3339 time"))
    }
}
