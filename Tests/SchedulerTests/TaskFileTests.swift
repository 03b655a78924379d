import Foundation
import Support
import Testing

@testable import Scheduler

/// The message of the error that `json` raises as a task file.
func taskFileError(_ json: String) -> String? {
    #expect(throws: TaskFileError.self) { _ = try taskFile(json) }.map(\.description)
}

@Suite("task files are checked before anything runs")
struct TaskFileTests {
    @Test("defaults apply to every task that does not set its own")
    func defaults() throws {
        let file = try taskFile("""
            { "name": "n", "concurrency": 3, "defaults": { "timeout": "10m", "retries": 1, "group": "misc", "env": {"A": "1"} },
              "tasks": [ { "id": "a", "command": ["true"] },
                         { "id": "b", "shell": "true", "timeout": "1h30m", "retries": 0, "group": "g", "env": {"B": "2"} } ] }
            """)
        #expect(file.concurrency == 3)
        #expect(file.tasks[0].timeout == 600 && file.tasks[0].retries == 1 && file.tasks[0].group == "misc")
        #expect(file.tasks[1].timeout == 5400 && file.tasks[1].retries == 0 && file.tasks[1].group == "g")
        #expect(file.tasks[1].environment == ["A": "1", "B": "2"])
        #expect(file.tasks[0].kind == .command(["true"]) && file.tasks[1].kind == .shell("true"))
    }

    @Test("durations: ms, s, m, h, compound, fractional, plain seconds")
    func durations() {
        #expect(DurationText.seconds("500ms") == 0.5)
        #expect(DurationText.seconds("2.5s") == 2.5)
        #expect(DurationText.seconds("10m") == 600)
        #expect(DurationText.seconds("1h30m") == 5400)
        #expect(DurationText.seconds("45") == 45)
        #expect(DurationText.seconds("ten minutes") == nil)
        #expect(DurationText.seconds("10x") == nil)
        #expect(DurationText.seconds("") == nil)
    }

    @Test("a dependency cycle is rejected, naming the cycle")
    func cycle() {
        #expect(taskFileError("""
            { "tasks": [ { "id": "a", "command": ["true"], "needs": ["c"] },
                         { "id": "b", "command": ["true"], "needs": ["a"] },
                         { "id": "c", "command": ["true"], "needs": ["b"] } ] }
            """) == "test.json: dependency cycle: a → c → b → a")
        #expect(taskFileError(#"{ "tasks": [ { "id": "a", "command": ["true"], "needs": ["a"] } ] }"#)
            == "test.json: dependency cycle: a → a")
    }

    @Test("a cycle through 100,000 tasks is found without recursion, and named in a line of readable length")
    func longCycle() {
        let n = 100_000
        let tasks = (0..<n).map { #"{"id":"t\#($0)","shell":"true","needs":["t\#(($0 + 1) % n)"]}"# }
        let message = taskFileError(#"{"tasks":["# + tasks.joined(separator: ",") + "]}")
        #expect(message == "test.json: dependency cycle of 100000 tasks: t0 → t1 → t2 → t3 → t4 → t5 → t6 → t7 → … → "
            + "t99998 → t99999 → t0")
        // A chain as long, without a cycle, is fine.
        let chain = (0..<n).map { #"{"id":"t\#($0)","shell":"true"\#($0 > 0 ? #","needs":["t\#($0 - 1)"]"# : "")}"# }
        #expect(throws: Never.self) { _ = try taskFile(#"{"tasks":["# + chain.joined(separator: ",") + "]}") }
    }

    @Test("unknown ids in needs, duplicate ids")
    func references() {
        #expect(taskFileError(#"{ "tasks": [ { "id": "a", "command": ["true"], "needs": ["build"] } ] }"#)
            == "test.json: task 'a' needs 'build', which is not a task in this file")
        #expect(taskFileError(#"{ "tasks": [ { "id": "a", "command": ["true"] }, { "id": "a", "shell": "true" } ] }"#)
            == "test.json: task id 'a' is used more than once")
    }

    @Test("a task with no kind or several kinds")
    func kinds() {
        #expect(taskFileError(#"{ "tasks": [ { "id": "a" } ] }"#)
            == "test.json: task 'a' needs exactly one of command, shell or http; it has none")
        #expect(taskFileError(#"{ "tasks": [ { "id": "a", "command": ["true"], "shell": "true" } ] }"#)
            == "test.json: task 'a' needs exactly one of command, shell or http; it has command and shell")
    }

    @Test("bad durations, bad fields and misspelt fields name the task and the field")
    func fields() {
        #expect(taskFileError(#"{ "tasks": [ { "id": "a", "command": ["true"], "timeout": "soon" } ] }"#)
            == "test.json: tasks[0] (a).timeout: 'soon' is not a duration (write 500ms, 30s, 10m, 1h30m or a number of seconds)")
        #expect(taskFileError(#"{ "tasks": [ { "id": "a", "command": ["true"], "need": ["b"] } ] }"#)
            == "test.json: tasks[0] (a): unknown field 'need'")
        #expect(taskFileError(#"{ "tasks": [ { "id": "a", "command": ["true"], "retries": -1 } ] }"#)
            == "test.json: tasks[0] (a).retries: must be a whole number from 0 to 100")
        #expect(taskFileError(#"{ "tasks": [ { "id": "a", "command": [] } ] }"#)
            == "test.json: tasks[0] (a): \"command\" must be a non-empty list of strings")
        #expect(taskFileError(#"{ "tasks": [ { "id": "a", "http": { "url": "ftp://x" } } ] }"#)
            == "test.json: tasks[0] (a).http: \"url\" must be an http:// or https:// address")
        #expect(taskFileError(#"{ "tasks": [ { "id": "a", "command": ["true"], "env": { "A=B": "x" } } ] }"#)
            == "test.json: tasks[0] (a).env: 'A=B' is not a variable name")
        #expect(taskFileError(#"{ "concurrency": 0, "tasks": [] }"#)
            == "test.json: top level.concurrency: must be a whole number from 1 to 2147483647")
    }

    @Test("text that is not JSON")
    func notJSON() {
        #expect(taskFileError("tasks: [a]")?.hasPrefix("test.json: not a JSON task file") == true)
    }
}
