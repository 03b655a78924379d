/// Numbers that look random but are the same on every run: a linear congruential generator, for tests
/// that want varied data and a failure that can be repeated. As a `RandomNumberGenerator` it serves
/// `random(in:using:)` too.
public struct SeededNumbers: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    /// The next number, below `bound` (> 0).
    public mutating func next(_ bound: UInt64) -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return (state >> 17) % bound
    }

    /// The next 64 bits, for `random(in:using:)`: the next state mixed by SplitMix64's finalizer, so that
    /// the low bits, which an LCG cycles through quickly, vary as the high ones do.
    public mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
