import TaskModel
import Testing
import TestSupport

@testable import Stats

/// A run's records are gathered into tasks by their pair of name and group codes, through an index when
/// there are far more possible pairs than records; the tasks must be those that keying every record by
/// its ``TaskKey`` gives.
@Suite("records gathered into tasks")
struct TaskSlotsTests {
    /// 3,000 records over 1,500 names × 60 groups (more pairs than a flat table is made for), seeded; every
    /// tenth record has no name and an id that is some other record's name, so nameless and named
    /// records meet through their keys, in either order.
    static let table: TaskTable = {
        var numbers = SeededNumbers(seed: 0x0DDB_1A5E_5BAD_5EED)
        var b = TableBuilder()
        for i in 0..<3_000 {
            let name = "n\(numbers.next(1_500))", group = "g\(numbers.next(60))"
            let status = numbers.next(5) == 0 ? "failed" : "completed"
            if i % 10 == 0 {
                b.add(status: status, group: group, name: "", id: name)
            } else {
                b.add(status: status, group: group, name: name, id: "row\(i)")
            }
        }
        return b.table
    }()

    @Test("through the index, each record's task is the one its key names, tasks in order of first appearance")
    func matchesKeys() {
        let table = Self.table
        #expect(table.name.entries.count * table.group.entries.count > 4 * table.count, "the index is used")
        let kinds = table.status.entries.map(StatusKind.init(label:))
        let rows = ArraySlice((0..<Int32(table.count)).map { $0 })
        let slots = TaskSlots(table: table, rows: rows, kinds: kinds)

        var slotOfKey: [TaskKey: Int32] = [:], firstRows: [Int32] = [], failed: [Bool] = []
        var slotOfRow: [Int32] = []
        for row in 0..<table.count {
            let key = TaskKey(table: table, row: row)
            let slot = slotOfKey[key] ?? {
                firstRows.append(Int32(row))
                failed.append(false)
                slotOfKey[key] = Int32(firstRows.count - 1)
                return Int32(firstRows.count - 1)
            }()
            if table.status[row] == "failed" { failed[Int(slot)] = true }
            slotOfRow.append(slot)
        }
        // The first difference, not the lists: they are thousands long.
        let wrongRow = slotOfRow.indices.first { slots.slotOfRow[$0] != slotOfRow[$0] }
        #expect(slots.slotOfRow.count == slotOfRow.count && wrongRow == nil, "first wrong row: \(String(describing: wrongRow))")
        #expect(slots.firstRows == firstRows && slots.failed == failed)
        #expect(firstRows.count < table.count, "some records share a task")
    }

    @Test("the tasks kept under a limit are the failed ones first, then the others, each in order")
    func keptUnderALimit() {
        let table = Self.table
        let kinds = table.status.entries.map(StatusKind.init(label:))
        let slots = TaskSlots(table: table, rows: ArraySlice((0..<Int32(table.count)).map { $0 }), kinds: kinds)
        let all = Array(slots.failed.indices)
        let failedFirst = all.filter { slots.failed[$0] } + all.filter { !slots.failed[$0] }
        for limit in [nil, 0, 1, 10, slots.failed.count - 1, slots.failed.count, slots.failed.count + 5] {
            #expect(slots.kept(limit: limit) == (limit.map { limit in
                all.count > limit ? Array(failedFirst.prefix(limit)) : all
            } ?? all), "limit \(String(describing: limit))")
        }
    }

    @Test("the index finds every pair it was given, those past 32 bits too, and no other, filled to its capacity")
    func pairIndex() {
        var numbers = SeededNumbers(seed: 0x5EED)
        func next() -> Int { Int(numbers.next(1 << 36)) }  // 36 bits: a sixteenth of them fit in 32
        let capacity = 5_000
        var index = PairSlotIndex(capacity: capacity)
        var expected: [Int: Int32] = [:]
        while expected.count < capacity {
            let pair = expected.count % 3 == 0 ? next() & 0xFFFF_FFFF : next()
            guard expected[pair] == nil else { continue }
            #expect(index.slot(of: pair) == nil)
            index.insert(Int32(expected.count), for: pair)
            expected[pair] = Int32(expected.count)
        }
        #expect(expected.keys.contains { $0 > Int(UInt32.max) } && expected.keys.contains { $0 <= Int(UInt32.max) })
        let wrong = expected.first { index.slot(of: $0.key) != $0.value }
        #expect(wrong == nil, "\(String(describing: wrong))")
        let absent = (0..<1_000).map { _ in next() }.filter { expected[$0] == nil }
        #expect(absent.allSatisfy { index.slot(of: $0) == nil })
    }
}
