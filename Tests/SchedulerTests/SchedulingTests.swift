import Foundation
import Testing
import TestSupport

@testable import Scheduler

@Suite("running tasks: real processes, a real loopback HTTP server")
struct SchedulingTests {
    @Test("never more than N tasks run at once, measured from recorded start and end times")
    func concurrencyLimit() async throws {
        let tasks = (1...9).map { #"{ "id": "t\#($0)", "command": ["sleep", "0.3"] }"# }.joined(separator: ",")
        let (summary, recorder) = try await run(#"{ "tasks": [\#(tasks)] }"#, jobs: 3)
        #expect(summary.allCompleted && recorder.records.count == 9)
        // The largest number of attempts whose [start, finish) intervals overlap.
        var events: [(Date, Int)] = []
        for attempt in recorder.records.flatMap(\.attempts) {
            events += [(attempt.startedAt, 1), (attempt.finishedAt, -1)]
        }
        var running = 0, peak = 0
        for (_, change) in events.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
            running += change
            peak = max(peak, running)
        }
        #expect(peak == 3, "peak concurrency \(peak)")
        #expect(recorder.maximumRunning == 3)
    }

    @Test("a task starts only after the tasks it needs have finished")
    func dependencyOrder() async throws {
        let (summary, recorder) = try await run("""
            { "tasks": [ { "id": "c", "command": ["true"], "needs": ["b"] },
                         { "id": "b", "command": ["sleep", "0.1"], "needs": ["a"] },
                         { "id": "a", "command": ["sleep", "0.1"] } ] }
            """)
        #expect(summary.allCompleted)
        #expect(recorder.records.map(\.id) == ["a", "b", "c"])
        #expect(recorder["b"].attempts[0].startedAt >= recorder["a"].attempts[0].finishedAt)
        #expect(recorder["c"].attempts[0].startedAt >= recorder["b"].attempts[0].finishedAt)
    }

    @Test("a task whose dependency did not complete is skipped, and so are its own dependents")
    func skipping() async throws {
        let (summary, recorder) = try await run("""
            { "tasks": [ { "id": "build", "shell": "exit 2" },
                         { "id": "test", "command": ["true"], "needs": ["build"] },
                         { "id": "deploy", "command": ["true"], "needs": ["test"] },
                         { "id": "lint", "command": ["true"] } ] }
            """)
        #expect(!summary.allCompleted && summary.counts == [.failed: 1, .skipped: 2, .completed: 1])
        #expect(recorder["build"].attempts.last?.exitCode == 2)
        #expect(recorder["test"].status == .skipped && recorder["test"].attempts.isEmpty)
        #expect(recorder["test"].error == "needs 'build', which did not complete")
        #expect(recorder["deploy"].error == "needs 'test', which did not complete")
        #expect(recorder["lint"].status == .completed)
    }

    @Test("when the head of a chain of 100,000 tasks fails, every other is skipped, without recursion")
    func longChainSkipped() async throws {
        let n = 100_000
        let tasks = (0..<n).map { i in
            i == 0 ? #"{"id":"t0","shell":"exit 1"}"# : #"{"id":"t\#(i)","shell":"true","needs":["t\#(i - 1)"]}"#
        }
        let (summary, recorder) = try await run(#"{"tasks":["# + tasks.joined(separator: ",") + "]}")
        #expect(summary.counts == [.failed: 1, .skipped: n - 1])
        #expect(recorder["t99999"].error == "needs 't99998', which did not complete")
    }

    @Test("output tails, exit codes, and a command that does not exist")
    func outcomes() async throws {
        let (_, recorder) = try await run("""
            { "tasks": [ { "id": "talk", "shell": "echo to-out; echo to-err >&2; exit 3" },
                         { "id": "ghost", "command": ["no-such-command-for-taskreport"] },
                         { "id": "env", "shell": "echo $GREETING $TASKREPORT_TASK_ID $TASKREPORT_ATTEMPT", "env": {"GREETING": "hi"} } ] }
            """)
        let talk = recorder["talk"].attempts[0]
        #expect(talk.status == .failed && talk.exitCode == 3 && talk.error == "exit status 3")
        #expect(talk.stdoutTail == "to-out\n" && talk.stderrTail == "to-err\n")
        #expect(recorder["ghost"].status == .failed)
        #expect(recorder["ghost"].attempts[0].error == "command not found: no-such-command-for-taskreport")
        #expect(recorder["env"].attempts[0].stdoutTail == "hi env 1\n")
    }

    @Test("only the last 64 KiB of output are kept")
    func tail() async throws {
        let (_, recorder) = try await run(#"{ "tasks": [ { "id": "loud", "shell": "seq 1 100000" } ] }"#)
        let out = recorder["loud"].attempts[0].stdoutTail
        #expect(out.utf8.count == 64 * 1024)
        #expect(out.hasSuffix("99999\n100000\n"))
    }

    @Test("a timeout stops the whole process tree: the grandchild is gone afterwards")
    func timeoutKillsTree() async throws {
        let folder = try TemporaryFolder()
        let pidFile = folder.path("grandchild.pid")
        let (_, recorder) = try await run("""
            { "tasks": [ { "id": "slow", "timeout": "400ms", "shell": "sleep 300 & echo $! > \(pidFile); wait" } ] }
            """)
        #expect(recorder["slow"].status == .timeout)
        #expect(recorder["slow"].attempts[0].error?.hasPrefix("timed out after") == true)
        let pid = try #require(readPID(pidFile))
        #expect(await waitUntil(seconds: 3) { !isAlive(pid) }, "grandchild \(pid) survived the timeout")
    }

    @Test("a process that ignores SIGTERM gets SIGKILL after the grace period")
    func stubbornProcess() async throws {
        let folder = try TemporaryFolder()
        let pidFile = folder.path("stubborn.pid")
        let (_, recorder) = try await run("""
            { "tasks": [ { "id": "stubborn", "timeout": "300ms",
                           "shell": "trap '' TERM; sh -c 'trap \\"\\" TERM; echo $$ > \(pidFile); while :; do sleep 0.05; done' & wait" } ] }
            """, grace: .milliseconds(300))
        #expect(recorder["stubborn"].status == .timeout)
        let pid = try #require(readPID(pidFile))
        #expect(await waitUntil(seconds: 3) { !isAlive(pid) })
    }

    @Test("a daemon that left the process group with setsid and ignores SIGTERM is stopped too, and recorded")
    func escapedDaemon() async throws {
        let folder = try TemporaryFolder()
        let pidFile = folder.path("daemon.pid")
        let (_, recorder) = try await run("""
            { "tasks": [ { "id": "daemon", "timeout": "2s",
                           "shell": "setsid sh -c 'trap \\"\\" TERM; echo $$ > \(pidFile); exec sleep 300' & while [ ! -s \(pidFile) ]; do sleep 0.05; done; sleep 300" } ] }
            """, grace: .milliseconds(300))
        #expect(recorder["daemon"].status == .timeout)
        let pid = try #require(readPID(pidFile))
        #expect(recorder["daemon"].attempts[0].error
            == "timed out after 2s; process group stopped, and 1 process that had left it (pid \(pid))")
        #expect(await waitUntil(seconds: 3) { !EscapedProcesses.isRunning(pid) }, "daemon \(pid) survived")
    }

    @Test("retries: a flaky task completes on its third attempt; a broken one fails after all of them")
    func retries() async throws {
        let (_, recorder) = try await run("""
            { "tasks": [ { "id": "flaky", "retries": 3, "retry_delay": "20ms",
                           "shell": "[ $TASKREPORT_ATTEMPT -ge 3 ] || exit 75" },
                         { "id": "broken", "retries": 2, "retry_delay": "20ms", "shell": "exit 1" } ] }
            """)
        #expect(recorder["flaky"].status == .completed)
        #expect(recorder["flaky"].attempts.map(\.status) == [.failed, .failed, .completed])
        #expect(recorder["flaky"].attempts.map(\.number) == [1, 2, 3])
        #expect(recorder["broken"].status == .failed && recorder["broken"].attempts.count == 3)
        // The wait before a retry is at least half the delay (jitter is 0.5×–1.5×).
        let gap = recorder["broken"].attempts[1].startedAt.timeIntervalSince(recorder["broken"].attempts[0].finishedAt)
        #expect(gap >= 0.01)
    }

    @Test("backoff doubles per attempt within its jitter and is capped")
    func backoff() {
        for attempt in 1...5 {
            let delay = TaskExecutor.backoff(after: attempt, base: 1)
            let middle = pow(2, Double(attempt - 1))
            #expect(delay >= middle * 0.5 && delay < middle * 1.5)
        }
        #expect(TaskExecutor.backoff(after: 30, base: 1) == TaskExecutor.maximumRetryDelay)
    }

    @Test("HTTP checks: the expected status completes, another fails, no server fails")
    func http() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let (_, recorder) = try await run("""
            { "tasks": [ { "id": "ok", "http": { "url": "\(server.url("/health"))" } },
                         { "id": "created", "http": { "url": "\(server.url("/status/201"))", "expect": [200, 201] } },
                         { "id": "broken", "http": { "url": "\(server.url("/status/503"))", "expect": 200 } },
                         { "id": "nobody", "timeout": "2s", "http": { "url": "http://127.0.0.1:9/health" } } ] }
            """)
        #expect(recorder["ok"].status == .completed && recorder["ok"].attempts[0].httpStatus == 200)
        #expect(recorder["ok"].attempts[0].stdoutTail == "status 200\n")
        #expect(recorder["created"].status == .completed)
        #expect(recorder["broken"].status == .failed && recorder["broken"].attempts[0].httpStatus == 503)
        #expect(recorder["broken"].attempts[0].error == "HTTP 503, expected 200")
        #expect(recorder["nobody"].status == .failed && recorder["nobody"].attempts[0].httpStatus == nil)
    }
}
