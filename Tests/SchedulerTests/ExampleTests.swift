import Foundation
import Scheduler
import Testing
import TestSupport

@Suite("the shipped example")
struct ExampleTests {
    @Test("Examples/nightly.json is a valid task file with every kind of task")
    func nightly() throws {
        let path = Fixtures.folder.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Examples/nightly.json").path
        let file = try TaskFile(path: path)
        #expect(file.tasks.count >= 10)
        #expect(file.tasks.contains { if case .http = $0.kind { true } else { false } })
        #expect(file.tasks.contains { if case .command = $0.kind { true } else { false } })
        #expect(file.tasks.contains { if case .shell = $0.kind { true } else { false } })
        #expect(file.tasks.contains { $0.retries > 0 })
        #expect(file.tasks.contains { !$0.needs.isEmpty })
    }
}
