import Foundation
import Pipeline
import Report
import Testing
import TestSupport

@Suite("--timings: how long each stage of a report took")
struct ReportTimingsTests {
    @Test("the stages are measured around what they do, and the writing's parts inside the writing")
    func stagesNest() throws {
        let folder = try TemporaryFolder()
        let timings = try makeReport([Fixtures.path("records.jsonl")], out: folder.path("Output")).timings
        for stage in [timings.reading, timings.statistics, timings.document, timings.writing,
                      timings.parts.page, timings.parts.chartsAndData, timings.parts.files] {
            #expect(stage > .zero, "every stage takes some time: \(timings.summary)")
        }
        #expect(timings.reading + timings.statistics + timings.document + timings.writing <= timings.total)
        // The page renders beside the charts, and the files are written after both.
        #expect(timings.parts.page + timings.parts.files <= timings.writing)
        #expect(timings.parts.chartsAndData + timings.parts.files <= timings.writing)
    }

    @Test("the line gives each stage in milliseconds with one decimal, in order")
    func summaryLine() {
        var timings = ReportTimings()
        timings.reading = .milliseconds(300)
        timings.statistics = .microseconds(36_740)
        timings.document = .nanoseconds(49_000)
        timings.writing = .microseconds(133_040)
        timings.parts = WrittenReport.Timings(page: .microseconds(103_449), chartsAndData: .seconds(0.072), files: .milliseconds(24))
        timings.total = .seconds(2) + .microseconds(1_960)
        #expect(timings.summary == "reading 300.0 ms, statistics 36.7 ms, document 0.0 ms, writing 133.0 ms "
            + "(page 103.4 ms, beside it charts and data files 72.0 ms; files 24.0 ms); 2002.0 ms in all")
    }

    @Test("taskreport report --timings prints one line of them on standard error, and only when asked")
    func commandLine() throws {
        let folder = try TemporaryFolder()
        let out = folder.path("Output")
        let input = Fixtures.path("records.jsonl")
        let timed = try CommandRun.taskreport(["report", input, "--out", out, "--timings"])
        #expect(timed.status == 0, "\(timed.standardError)")
        #expect(timed.standardOutput == out + "/index.html\n")
        let lines = timed.standardError.split(separator: "\n")
        #expect(lines.count == 1)
        let pattern = #/taskreport: timings: reading (\d+\.\d) ms, statistics (\d+\.\d) ms, document (\d+\.\d) ms, writing (\d+\.\d) ms \(page (\d+\.\d) ms, beside it charts and data files (\d+\.\d) ms; files (\d+\.\d) ms\); (\d+\.\d) ms in all/#
        let match = try #require(lines.first.flatMap { try? pattern.wholeMatch(in: String($0)) }, "\(timed.standardError)")
        let stages = [match.1, match.2, match.3, match.4].compactMap { Double($0) }
        #expect(stages.count == 4 && stages.reduce(0, +) <= Double(match.8)! + 0.2, "the stages fit in the whole")

        let plain = try CommandRun.taskreport(["report", input, "--out", out])
        #expect(plain.status == 0 && plain.standardError.isEmpty, "\(plain.standardError)")
    }
}
