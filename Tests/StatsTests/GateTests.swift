import Testing
import Stats
import TestSupport

/// `--fail-on` expressions: parsing, units, and checking against figures.
@Suite struct GateTests {
    @Test func readsEachUnit() throws {
        let rate = try Gate("failure-rate > 5%")
        #expect(rate.metric == .failureRate && rate.comparison == .greater && rate.value == 0.05)
        let p95 = try Gate("p95>=1m30s")
        #expect(p95.metric == .p95 && p95.comparison == .atLeast && p95.value == 90_000)
        let count = try Gate("new-failures>0")
        #expect(count.metric == .newFailures && count.value == 0)
        #expect(try Gate("p95<500ms").value == 500)
        #expect(try Gate("tasks==0").comparison == .equal)
    }

    @Test(arguments: [
        ("failed", "no comparison"), ("speed>3", "unknown metric 'speed'"), ("failure-rate>5", "a percentage"),
        ("failed>1.5", "a whole number"), ("p95>fast", "a duration"), ("failed>-1", "a whole number"),
        ("success-rate<120%", "a percentage"),
    ])
    func rejectsBadExpressions(text: String, message: String) {
        #expect {
            _ = try Gate(text)
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test func tripsOnTheFiguresOfTheRunDescribed() throws {
        var b = TableBuilder()
        for i in 0..<19 { b.add(status: "completed", name: "t\(i)", durationMs: 1000) }
        b.add(status: "failed", name: "bad", durationMs: 61_000)
        b.add(status: "running", name: "still")  // not finished: not in the rates
        let s = TaskStatistics(table: b.table, scope: .latest)
        func check(_ text: String) throws -> GateResult { GateResult(try Gate(text), statistics: s) }
        #expect(try check("failed>0").tripped)
        #expect(try check("failed>1").tripped == false)
        #expect(try check("failure-rate>=5%").tripped)  // 1 of 20 finished
        #expect(try check("failure-rate>5%").tripped == false)
        #expect(try check("success-rate<95%").tripped == false)
        #expect(try check("max>1m").tripped)
        #expect(try check("p95>30s").tripped == false)  // p95 of nineteen 1 s and one 61 s is 4 s
        #expect(abs(try check("p95>30s").measured! - 4000) < 1e-9)
        #expect(try check("tasks!=21").tripped == false)
        let noBaseline = try check("new-failures>0")
        #expect(!noBaseline.tripped && noBaseline.measured == nil)
        #expect(noBaseline.summary == "new-failures>0 passed: new-failures is nothing to compare against")
        #expect(try check("failure-rate>=5%").summary == "failure-rate>=5% tripped: failure-rate is 5%")
    }
}
