/// Numbers that look random but are the same on every run: a linear congruential generator, for tests
/// that want varied data and a failure that can be repeated.
public struct SeededNumbers {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    /// The next number, below `bound` (> 0).
    public mutating func next(_ bound: UInt64) -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return (state >> 17) % bound
    }
}
