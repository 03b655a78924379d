import Foundation
import Scheduler
import Testing
import TestSupport

/// The task files of the hostile corpus (`Tests/Fixtures/hostile/taskfiles/`), with what each must give.
enum HostileTaskFiles {
    static let folder = Fixtures.folder.appendingPathComponent("hostile").path

    static let expectations: [String: String] = {
        let data = FileManager.default.contents(atPath: folder + "/expectations.json") ?? Data()
        let all = (try? JSONSerialization.jsonObject(with: data) as? [String: String]) ?? [:]
        return all.filter { $0.key.hasPrefix("taskfiles/") }
    }()
}

@Suite("hostile task files are checked, never crash the parser")
struct HostileTaskFileTests {
    @Test("each parses, or is refused with one line naming the task and field", arguments: HostileTaskFiles.expectations.keys.sorted())
    func parse(name: String) throws {
        let expected = try #require(HostileTaskFiles.expectations[name])
        let contents = try #require(FileManager.default.contents(atPath: HostileTaskFiles.folder + "/" + name))
        do {
            _ = try TaskFile(path: "hostile.json", contents: contents)
            #expect(expected == "ok", "accepted, but should fail with: \(expected)")
        } catch {
            #expect(expected != "ok" && error.description.contains(expected), "\(error.description)")
            #expect(error.description.hasPrefix("hostile.json: ") && !error.description.contains("\n"))
        }
    }
}
