import Synchronization

/// One slot per job of a concurrent loop: each job fills its own slot, and the
/// values are read in job order once the loop is over.
public final class ResultSlots<Value: Sendable>: Sendable {
    private let slots: Mutex<[Value?]>

    /// Creates `count` empty slots.
    public init(count: Int) {
        slots = Mutex([Value?](repeating: nil, count: count))
    }

    /// The value in slot `index`, nil until a job fills it.
    public subscript(index: Int) -> Value? {
        get { slots.withLock { $0[index] } }
        set { slots.withLock { $0[index] = newValue } }
    }

    /// Every slot's value, in order; every slot must have been filled.
    public var values: [Value] {
        slots.withLock { $0.map { $0! } }
    }
}
