/// Task slots by the pair of dictionary codes (name, group) their records carry, for runs with too many
/// pairs for a flat array.
///
/// Open addressing with linear probing, at most two thirds full. Each bucket is one 64-bit word, the pair
/// in the high half and the slot in the low half, and a bitmap says which buckets are taken: the bitmap
/// is small enough to stay in the cache, so looking up a pair not seen yet (most of them, in a run of
/// distinct tests) seldom reads a bucket. 10 MB for the 848k tasks of 100 MB of JUnit XML, where a
/// `Dictionary<Int, Int32>` was 25 MB. Pairs of 2³² or more (names × groups past four billion) are
/// kept apart, in a dictionary.
struct PairSlotIndex {
    private var buckets: [UInt64]
    private var taken: [UInt64]
    private var wide: [Int: Int32] = [:]

    /// An index with room for `capacity` pairs.
    init(capacity: Int) {
        let count = max(64, capacity + capacity / 2)
        buckets = [UInt64](repeating: 0, count: count)
        taken = [UInt64](repeating: 0, count: (count + 63) / 64)
    }

    /// The slot of `pair`; nil when it has none yet.
    func slot(of pair: Int) -> Int32? {
        guard let key = Self.key(pair) else { return wide[pair] }
        var bucket = self.bucket(of: key)
        while isTaken(bucket) {
            if buckets[bucket] >> 32 == key { return Int32(truncatingIfNeeded: buckets[bucket]) }
            bucket = bucket + 1 == buckets.count ? 0 : bucket + 1
        }
        return nil
    }

    /// Gives `pair` the slot `slot` (≥ 0). `pair` has none yet, and the index holds fewer pairs than its capacity.
    mutating func insert(_ slot: Int32, for pair: Int) {
        guard let key = Self.key(pair) else {
            wide[pair] = slot
            return
        }
        var bucket = self.bucket(of: key)
        while isTaken(bucket) { bucket = bucket + 1 == buckets.count ? 0 : bucket + 1 }
        taken[bucket >> 6] |= 1 << UInt64(bucket & 63)
        buckets[bucket] = key << 32 | UInt64(UInt32(slot))
    }

    private func isTaken(_ bucket: Int) -> Bool {
        taken[bucket >> 6] & (1 << UInt64(bucket & 63)) != 0
    }

    /// The pair as it is kept in a bucket; nil when it does not fit in 32 bits.
    private static func key(_ pair: Int) -> UInt64? {
        pair >= 0 && pair <= Int(UInt32.max) ? UInt64(pair) : nil
    }

    /// Fibonacci hashing (the pair times 2⁶⁴ / φ), mapped onto the buckets by the high half of a product.
    private func bucket(of key: UInt64) -> Int {
        Int((key &* 0x9E37_79B9_7F4A_7C15).multipliedFullWidth(by: UInt64(buckets.count)).high)
    }
}
