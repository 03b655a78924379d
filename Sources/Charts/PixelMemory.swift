import Synchronization

/// Memory for the pixels of PNG surfaces, handed from one chart to the next.
///
/// A surface of 1600 × 840 pixels is 5.4 MB. Given fresh memory for each chart, the kernel
/// faulted in and cleared every page of it again, a sixth of the CPU time of a report on a hundred
/// records. Blocks given back are kept until the memory itself goes. A block's bytes are whatever
/// the last surface left: a surface fills every pixel white before it draws.
final class PixelMemory: Sendable {
    /// A block of memory, aligned for pixels.
    struct Block: @unchecked Sendable {
        // @unchecked: the block is owned by one surface between take(bytes:) and give(_:), and by the
        // pool (under its lock) otherwise, so no two threads use the memory at once.
        let base: UnsafeMutableRawPointer
        let capacity: Int
    }

    private let free = Mutex<[Block]>([])

    init() {}

    deinit {
        free.withLock { blocks in
            for block in blocks { block.base.deallocate() }
        }
    }

    /// A block of at least `bytes` bytes, the caller's until it gives it back: the smallest kept
    /// block that is large enough, or a new one.
    func take(bytes: Int) -> Block {
        let kept = free.withLock { blocks -> Block? in
            guard let best = blocks.indices.filter({ blocks[$0].capacity >= bytes })
                .min(by: { blocks[$0].capacity < blocks[$1].capacity })
            else { return nil }
            return blocks.remove(at: best)
        }
        return kept ?? Block(base: .allocate(byteCount: bytes, alignment: 64), capacity: bytes)
    }

    /// Takes back a block from ``take(bytes:)``, for the next surface.
    func give(_ block: Block) {
        free.withLock { $0.append(block) }
    }
}
