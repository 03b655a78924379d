import Foundation
import Support

/// The value axis of a bar chart: round tick values from 0 up.
struct ValueAxis {
    /// Tick values, from 0 to the axis maximum.
    let ticks: [Double]

    /// The axis maximum: the last tick.
    var maximum: Double { ticks.last ?? 1 }

    /// Ticks of 1, 2 or 5 × 10ⁿ reaching at least `top`, about `count` of them; whole numbers only.
    init(top: Double, count: Int = 5) {
        guard top > 0, top.isFinite else {
            ticks = [0, 1]
            return
        }
        let rough = top / Double(count)
        let power = pow(10, floor(log10(rough)))
        let step = max(1, [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough } ?? 10 * power)
        let last = (top / step).rounded(.up)
        ticks = (0...Int(last)).map { Double($0) * step }
    }

    /// A value as a short axis or bar label: 7, 950, 1.2k, 12k, 1.2M.
    static func label(_ value: Double) -> String { HumanFormat.count(value) }

    /// A value exactly, thousands grouped: 12,386; a fraction to three significant figures.
    static func exactLabel(_ value: Double) -> String { HumanFormat.exact(value) }
}
