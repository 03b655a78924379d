import Foundation
import Testing
import TestSupport

@testable import Ingest

/// Names, groups, statuses and run ids are dictionary-encoded as they are read: a part's own dictionary,
/// then one across the parts, each keeping its entries' texts back to back in one buffer.
@Suite("dictionary-encoded columns")
struct DictionaryEncodingTests {
    @Test("thousands of distinct names, short and long, repeated out of order, read back as written", arguments: [300, 1 << 20])
    func manyDistinctNames(chunkSize: Int) throws {
        // 3,000 names, empty or of 1 to 63 bytes (a number with up to 59 n's before or after it, so that
        // many share their first or last eight bytes), each slot table grown many times and each part's
        // entries merged into the dictionary across parts.
        let distinct = [""] + (1..<3_000).map { i in
            let stem = String(repeating: "n", count: i % 60)
            return i.isMultiple(of: 2) ? "\(stem)\(i)" : "\(i)\(stem)"
        }
        var numbers = SeededNumbers(seed: 16)
        let order = (0..<9_000).map { $0 < distinct.count ? $0 : Int(numbers.next(UInt64(distinct.count))) }
        let lines = order.enumerated().map { #"{"id":\#($0.offset),"status":"ok","name":"\#(distinct[$0.element])"}"# }
        let t = try load(lines.joined(separator: "\n") + "\n", chunkSize: chunkSize)
        #expect(t.count == order.count)
        #expect(t.name.entries == distinct, "entries in order of first appearance")
        #expect(order.indices.allSatisfy { t.name[$0] == distinct[order[$0]] })
    }
}
