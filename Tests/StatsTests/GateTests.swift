import Foundation
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
        #expect(!noBaseline.tripped && !noBaseline.evaluated && noBaseline.measured == nil && noBaseline.mark == "⚠️")
        #expect(noBaseline.summary
            == "new-failures>0 not evaluated: no earlier run to compare against; give --history (the last report) or --baseline")
        #expect(try check("failed>0").evaluated && check("failed>0").mark == "✗" && check("failed>1").mark == "✓")
        #expect(try check("failure-rate>=5%").summary == "failure-rate>=5% tripped: failure-rate is 5%")
    }

    @Test("with no task completed or failed, the rates are n/a and gates on them are not evaluated, never tripped")
    func unknownOutcomesHaveNoRate() throws {
        var b = TableBuilder()
        for i in 0..<5 { b.add(status: "unknown", name: "t\(i)", durationMs: 10) }
        b.add(status: "skipped", name: "s")
        let s = TaskStatistics(table: b.table, scope: .latest)
        #expect(s.successRate == nil)
        for text in ["success-rate<50%", "failure-rate>=0%"] {
            let result = GateResult(try Gate(text), statistics: s)
            #expect(!result.evaluated && !result.tripped && result.measured == nil, "\(text)")
            #expect(result.summary.hasSuffix("not evaluated: no task completed or failed, so there is no rate"))
        }
        b.add(status: "completed", name: "ok")
        let one = TaskStatistics(table: b.table, scope: .latest)
        #expect(one.successRate == 1.0 / 7.0, "once one completed, the rate is completed over every finished task")
        #expect(GateResult(try Gate("success-rate<50%"), statistics: one).tripped)
    }

    @Test("stats.json's gates always carry evaluated and measured, null when not evaluated")
    func encodesNotEvaluated() throws {
        var b = TableBuilder()
        b.add(status: "failed", name: "a", durationMs: 1)
        let s = TaskStatistics(table: b.table, scope: .latest)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(GateResult(try Gate("new-failures>0"), statistics: s)), as: UTF8.self)
        #expect(json.contains(#""evaluated":false"#) && json.contains(#""measured":null"#) && json.contains(#""tripped":false"#))
        let failed = String(decoding: try encoder.encode(GateResult(try Gate("failed>0"), statistics: s)), as: UTF8.self)
        #expect(failed.contains(#""evaluated":true"#) && failed.contains(#""measured":1"#) && failed.contains(#""tripped":true"#))
    }
}
