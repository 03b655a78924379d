import CTaskColumns
import TaskModel
import Testing
import TestSupport

@testable import Ingest

@Suite("one record schema")
struct RecordSchemaTests {
    @Test("the C++ JSON reader's key table names the fields of RecordField, in its order")
    func cppAgrees() {
        let cpp = (0..<Int(TC_FIELD_COUNT.rawValue)).map { String(cString: tc_field_name(tc_field(rawValue: UInt32($0)))) }
        #expect(cpp == RecordField.allCases.map(\.name))
        #expect(tc_field_name(TC_FIELD_COUNT) == nil)
    }

    @Test("every field is read from JSON under its name")
    func everyFieldIsRead() throws {
        let record = #"{"run_id":"r","id":"i","name":"n","group":"g","status":"s","started_at":1,"finished_at":3,"duration_ms":5,"exit_code":7,"attempts":2,"error":"e","data":{"k":1},"output":"o\nut"}"#
        let folder = try TemporaryFolder()
        let t = try TaskLoader().load([.file(try folder.write("record.jsonl", record))])
        #expect(t.runID[0] == "r" && t.id[0] == "i" && t.name[0] == "n" && t.group[0] == "g" && t.status[0] == "s")
        #expect(t.startedAt[0] == 1 && t.finishedAt[0] == 3 && t.durationMs[0] == 5 && t.exitCode[0] == 7 && t.attempts[0] == 2)
        #expect(t.error[0] == "e" && t.data[0] == #"{"k":1}"# && t.output[0] == "o\nut")
    }
}
