import Support

/// Ticks at round wall-clock times across a stretch of time, labelled on the
/// report's clock (UTC unless `--timezone`) as precisely as their spacing
/// needs: `01:00:00.5`, `01:00:05`, `01:05`, with the day in front when the
/// stretch crosses midnight.
struct TimeAxis {
    /// Round steps, in seconds.
    static let steps: [Double] = [
        0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800,
        3600, 7200, 10800, 21600, 43200, 86400, 172_800, 604_800, 2_592_000, 31_536_000,
    ]

    let start: Double
    let end: Double
    let step: Double
    let clock: LocalClock
    /// Seconds the wall clock is ahead of UTC at the start; ticks fall on round wall-clock times.
    private let offset: Double

    /// An axis with about `count` ticks, at most, between `start` and `end` (Unix seconds, `end` > `start`).
    init(start: Double, end: Double, count: Int, clock: LocalClock) {
        self.start = start
        self.end = end
        self.clock = clock
        offset = Double(clock.offset(at: start))
        step = Self.steps.first { (end - start) / $0 <= Double(count) } ?? ((end - start) / Double(count)).rounded(.up)
    }

    /// The round times within the stretch.
    var ticks: [Double] {
        var ticks: [Double] = []
        var index = ((start + offset) / step).rounded(.up)
        while index * step - offset <= end, ticks.count < 200 {
            ticks.append(index * step - offset)
            index += 1
        }
        return ticks
    }

    /// A tick's label.
    func label(_ seconds: Double) -> String {
        let time = clock.wallClock(seconds)
        func two(_ value: Int) -> String { UTCTime.digits(value, 2) }
        var text = "\(two(time.hour)):\(two(time.minute))"
        if step < 60 { text += ":\(two(time.second))" }
        if step < 1 {
            let digits = step < 0.01 ? 3 : step < 0.1 ? 2 : 1
            text += "." + String(UTCTime.digits(time.millisecond, 3).prefix(digits))
        }
        if step >= 86400 { return "\(time.year)-\(two(time.month))-\(two(time.day))" }
        let first = clock.wallClock(start), last = clock.wallClock(end)
        let oneDay = (first.year, first.month, first.day) == (last.year, last.month, last.day)
        return oneDay ? text : "\(two(time.month))-\(two(time.day)) \(text)"
    }
}
