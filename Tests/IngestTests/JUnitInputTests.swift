import Foundation
import TaskModel
import Testing
import TestSupport

@testable import Ingest

/// JUnit XML as seven frameworks write it (`Tests/Fixtures/junit/`; `pytest-9.2-generated.xml` is pytest's own output
/// of a run, the others are written as each tool writes), streamed through libxml2.
@Suite("JUnit XML inputs")
struct JUnitInputTests {
    static let folder = Fixtures.folder.appendingPathComponent("junit").path
    static let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().map { folder + "/" + $0 }

    static func load(_ paths: [String], chunkSize: Int? = nil) throws -> TaskTable {
        var loader = TaskLoader()
        if let chunkSize { loader.chunkSize = chunkSize }
        return try loader.load(paths.map { .file($0) })
    }

    static func load(xml: String) throws -> TaskTable {
        let folder = try TemporaryFolder()
        return try TaskLoader().load([.file(try folder.write("results.xml", xml))])
    }

    static func failure(_ xml: String) throws -> String {
        do {
            _ = try load(xml: xml)
            return "no error"
        } catch {
            return "\(error)".replacingOccurrences(of: #"^.*results\.xml"#, with: "FILE", options: .regularExpression)
        }
    }

    /// How many records of `table` have a status of `labels`.
    static func count(_ table: TaskTable, _ labels: Set<String>) -> Int {
        (0..<table.count).filter { labels.contains(table.status[$0]) }.count
    }

    @Test("each framework's file gives the counts its own tool wrote into it (read apart by Python)")
    func frameworks() throws {
        #expect(Self.files.count == 9)
        let run = try CommandRun.tool("python3", [Fixtures.folder.deletingLastPathComponent().path + "/Tools/junit_counts.py"] + Self.files)
        let counts = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: [String: Int]])
        for file in Self.files {
            let expected = try #require(counts[file]), table = try Self.load([file])
            #expect(table.count == expected["tests"], "\(file)")
            #expect(Self.count(table, ["failed"]) == expected["failures"], "\(file)")
            #expect(Self.count(table, ["error"]) == expected["errors"], "\(file)")
            #expect(Self.count(table, ["skipped", "disabled"]) == expected["skipped"]! + expected["disabled"]!, "\(file)")
            #expect(Self.count(table, ["passed"]) == table.count - expected["failures"]! - expected["errors"]!
                - expected["skipped"]! - expected["disabled"]!, "\(file)")
        }
    }

    @Test("a test case's fields: id, group, times, the failure's message, the output ending with the failure's text")
    func fields() throws {
        let t = try Self.load([Self.folder + "/pytest-shard-1.xml"])
        #expect(t.id[1] == "tests.test_api.TestApi.test_post" && t.name[1] == "test_post" && t.group[1] == "tests.test_api.TestApi")
        #expect(t.status[1] == "failed" && t.durationMs[1] == 210)
        #expect(t.startedAt[1] == 1_795_745_404.187392)
        #expect(t.error[1] == "AssertionError: assert 500 == 201\n +  where 500 = <Response [500]>.status_code")
        #expect(t.output[1].hasPrefix("--- system-out ---\n-----"))
        #expect(t.output[1].contains("--- system-err ---\n") && t.output[1].contains("{\"name\": \"café & crème\"}"))
        #expect(t.output[1].hasSuffix("--- failed ---\nself = <tests.test_api.TestApi object at 0x7f3a2c1d5e10>\n"
            + "client = <FlaskClient <Flask 'app'>>\n\n    def test_post(self, client):\n"
            + "        response = client.post(\"/items\", json={\"name\": \"café & crème\"})\n"
            + ">       assert response.status_code == 201\nE       AssertionError: assert 500 == 201\n"
            + "E        +  where 500 = <Response [500]>.status_code\n\ntests/test_api.py:14: AssertionError"))
        #expect(t.status[3] == "error" && t.error[3].hasPrefix("failed on setup with \"ConnectionRefusedError"))
        #expect(t.error[4] == "needs postgres" && t.output[4] == "tests/test_db.py:20: needs postgres")
        #expect(t.output[0].isEmpty && t.error[0].isEmpty && t.exitCode[0] == TaskTable.missingInteger)
    }

    @Test("what each framework puts where: groups from suites, disabled tests, reruns, grouped thousands, Jest's message")
    func frameworkShapes() throws {
        let jest = try Self.load([Self.folder + "/jest-junit.xml"])
        #expect(jest.id[1] == "Cart applies a coupon" && jest.group[1] == "Cart", "the class name repeats the name")
        #expect(jest.error[1] == "Error: expect(received).toBe(expected) // Object.is equality", "no message: the first line")
        #expect(jest.name[5] == "formatPrice writes € for EUR" && jest.group[5] == "formatPrice")
        let mocha = try Self.load([Self.folder + "/mocha-junit-reporter.xml"])
        #expect(mocha.id[0] == "users lists users" && mocha.group[0] == "users", "the name holds the class name")
        let ctest = try Self.load([Self.folder + "/ctest.xml"])
        #expect(ctest.status[2] == "disabled" && ctest.group[2] == "Linux-c++" && ctest.durationMs[1] == 1504.1)
        let gtest = try Self.load([Self.folder + "/googletest.xml"])
        #expect(gtest.status[2] == "disabled" && gtest.status[3] == "skipped" && gtest.durationMs[0] == 0)
        #expect(gtest.startedAt[1] == 1_795_745_700.125, "the test case's own timestamp")
        let surefire = try Self.load([Self.folder + "/surefire.xml"])
        #expect(surefire.durationMs[1] == 1_021_500, "time=\"1,021.5\"")
        #expect(surefire.status[4] == "passed" && surefire.attempts[4] == 2 && surefire.attempts[0] == TaskTable.missingInteger)
        #expect(surefire.startedAt[0].isNaN && surefire.error[2] == "Connection refused")
        let go = try Self.load([Self.folder + "/go-junit-report.xml"])
        #expect(go.id[1] == "github.com/acme/api/handlers.TestGet/not_found" && go.group[4] == "github.com/acme/api/store")
        #expect(!go.output[2].contains("coverage"), "a suite's own output belongs to no test case")
    }

    @Test("read in any split: 64-byte blocks give what one read gives; shards add up; kinds are right")
    func streamed() throws {
        let whole = try Self.load(Self.files), pieces = try Self.load(Self.files, chunkSize: 64)
        #expect(whole.count == 47 && pieces.count == whole.count)
        #expect((0..<whole.count).allSatisfy { whole.id[$0] == pieces.id[$0] && whole.output[$0] == pieces.output[$0] })
        #expect(whole.status.entries.map(StatusKind.init(label:)) == [.completed, .failed, .skipped, .skipped, .failed])
    }

    @Test("nested suites, suites without cases, CDATA, entities, a long output cut from its end")
    func structure() throws {
        let long = String(repeating: "x", count: 100_000) + "é the end"
        let t = try Self.load(xml: """
            <testsuites><testsuite name="outer" timestamp="2026-11-24T01:00:00"><testsuite name="empty"/>
            <testsuite name="inner &amp; co"><testcase name="a &lt;b&gt; &#x263A;" time="1"><system-out><![CDATA[<raw> & ]]>\(long)</system-out></testcase></testsuite>
            <testcase name="b" classname="" time=" 2 "/></testsuite></testsuites>
            """)
        #expect(t.count == 2 && t.name[0] == "a <b> ☺" && t.group[0] == "inner & co" && t.group[1] == "outer")
        #expect(t.startedAt == [1_795_482_000, 1_795_482_000], "a nested suite inherits the timestamp")
        #expect(t.output[0].hasPrefix("…\n") && t.output[0].hasSuffix("é the end") && t.output[0].utf8.count <= 16_384 + 4)
        #expect(t.durationMs == [1000, 2000])
        let folder = try TemporaryFolder()
        let latin1 = folder.path("latin1.xml")
        try Data("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><testsuite><testcase name=\"caf\u{E9}\"/></testsuite>"
            .data(using: .isoLatin1)!).write(to: URL(fileURLWithPath: latin1))
        #expect(try Self.load([latin1]).name[0] == "café", "the declared encoding is read")
    }

    @Test("text cut to its last 16 KB or its first line's 200 bytes is cut between characters, never inside one",
          arguments: [6_000, 6_001, 6_002, 12_345])
    func cutsBetweenCharacters(euros: Int) throws {
        // "€" is three bytes: most cut points fall inside one.
        let text = String(repeating: "€", count: euros)
        let t = try Self.load(xml: """
            <testsuite><testcase name="a"><system-out>\(text)</system-out></testcase>
            <testcase name="b"><failure>\(text)</failure></testcase></testsuite>
            """)
        #expect(t.count == 2)
        let kept = t.output[0].dropFirst(2)  // after "…\n"
        #expect(t.output[0].hasPrefix("…\n") && !kept.isEmpty && kept.allSatisfy { $0 == "€" })
        #expect(kept.utf8.count > 16_384 - 3 && kept.utf8.count <= 16_384)
        #expect(t.error[1] == String(repeating: "€", count: 66), "200 bytes, back to the last whole character")
    }

    @Test("a failure without a message takes the first line of its text, also when only the text's end is kept")
    func messageOfLongFailure() throws {
        let long = String(repeating: "€", count: 12_345)
        let t = try Self.load(xml: """
            <testsuite><testcase name="a"><failure>
              expected 3, got 4
            \(long)</failure></testcase></testsuite>
            """)
        #expect(t.error[0] == "expected 3, got 4")
        #expect(t.output[0].hasPrefix("…\n") && t.output[0].hasSuffix("€"), "the output is the text's end")
    }

    @Test("corrupt XML, XML that is not JUnit and bad test cases: one line naming the file and line")
    func errors() throws {
        #expect(try Self.failure("<testsuite name=\"x\">\n<testcase name=\"a\">\n</testsuite>\n")
            == "FILE:3: not well-formed XML: Opening and ending tag mismatch: testcase line 2 and testsuite")
        #expect(try Self.failure("<?xml version=\"1.0\"?>\n<project>\n</project>\n")
            == "FILE:2: XML, but not JUnit: the root element is <project>; expected <testsuites> or <testsuite>")
        #expect(try Self.failure("<testsuite>\n\n<testcase classname=\"c\"/></testsuite>") == "FILE:3: <testcase> without a name attribute")
        #expect(try Self.failure("<testsuite>\n<testcase name=\"n\" time=\"fast\"/></testsuite>")
            == "FILE:2: testcase 'n': time 'fast' is not a duration in seconds")
        #expect(try Self.failure("<testsuite timestamp=\"yesterday\">\n<testcase name=\"n\"/></testsuite>")
            .hasPrefix("FILE:2: testcase 'n': the suite's timestamp: 'yesterday' is not an RFC 3339 time"))
        #expect(try Self.failure("<testsuite><testcase name=\"n\" time=\"-1\"/></testsuite>")
            == "FILE:1: testcase 'n': time '-1' is not a duration in seconds")
        #expect(try Self.failure("<testsuite><testcase name=\"caf\u{E9}\"/>").hasPrefix("FILE:1: not well-formed XML"))
        #expect(try Self.failure("<testsuites><testsuite>\n<testcase name=\"a\"/>\n")
            == "FILE:2: not well-formed XML: the file ends with 2 elements still open; was it cut short?")
    }

    @Test("nothing outside the file is read: a DTD stays unread, a document declaring entities (bombs, files) is refused")
    func hostile() throws {
        let folder = try TemporaryFolder()
        let secret = try folder.write("secret.dtd", "<!ENTITY leak \"TOP-SECRET-TOKEN\">")
        let t = try Self.load(xml: "<!DOCTYPE testsuite SYSTEM \"file://\(secret)\">\n<testsuite><testcase name=\"n\"/></testsuite>")
        #expect(t.count == 1 && t.name[0] == "n")
        #expect(try Self.failure("<!DOCTYPE testsuite SYSTEM \"file://\(secret)\">\n<testsuite><testcase name=\"&leak;\"/></testsuite>")
            .hasPrefix("FILE:2: not well-formed XML: "), "an entity of the unread DTD is unknown")
        #expect(try Self.failure("<?xml version=\"1.0\"?>\n<!DOCTYPE t [\n<!ENTITY leak SYSTEM \"file://\(secret)\">]>\n<testsuite/>")
            == "FILE:3: declares the entity 'leak'; JUnit XML needs none, and declared entities are never read")
        let lol = (1...9).map { "<!ENTITY lol\($0) \"" + String(repeating: "&lol\($0 - 1);", count: 10) + "\">" }
        let bomb = "<!DOCTYPE t [<!ENTITY lol0 \"lol\">" + lol.joined() + "]>\n<testsuite><testcase name=\"&lol9;\"/></testsuite>"
        #expect(try Self.failure(bomb) == "FILE:1: declares the entity 'lol0'; JUnit XML needs none, and declared entities are never read")
    }

    @Test("a text longer than libxml2's 10 MB limit, in CDATA as Surefire writes logs or as text, is read and cut")
    func longTexts() throws {
        let log = String(repeating: "0123456789", count: 1_100_000)
        let t = try Self.load(xml: "<testsuite><testcase name=\"n\"><failure message=\"m\"><![CDATA[\(log)]]></failure>"
            + "<system-out>\(log)</system-out></testcase></testsuite>")
        #expect(t.count == 1 && t.output[0].utf8.count <= 2 * 16_384 + 64 && t.output[0].hasSuffix("--- failed ---\n…\n" + log.suffix(16_384)))
    }
}
