import Synchronization

/// One slot per job of a concurrent loop: each job fills its own slot, and the
/// values are read in job order once the loop is over.
final class ResultSlots<Value: Sendable>: Sendable {
    private let slots: Mutex<[Value?]>

    init(count: Int) {
        slots = Mutex([Value?](repeating: nil, count: count))
    }

    subscript(index: Int) -> Value? {
        get { slots.withLock { $0[index] } }
        set { slots.withLock { $0[index] = newValue } }
    }

    /// Every slot's value, in order; every slot must have been filled.
    var values: [Value] {
        slots.withLock { $0.map { $0! } }
    }
}
