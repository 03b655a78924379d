import Foundation
import TaskModel
import Testing
import TestSupport

@testable import Ingest

/// CSV and TSV with a header row, read like the other formats.
@Suite("CSV and TSV inputs")
struct CSVInputTests {
    static func load(_ text: String, delimiter: UInt8? = nil) throws -> TaskTable {
        let folder = try TemporaryFolder()
        var loader = TaskLoader()
        loader.delimiter = delimiter
        return try loader.load([.file(try folder.write("records.csv", text))])
    }

    static func failure(_ text: String) throws -> String {
        do {
            _ = try load(text)
            return "no error"
        } catch {
            return "\(error)".replacingOccurrences(of: #"^.*records\.csv"#, with: "FILE", options: .regularExpression)
        }
    }

    @Test("a header names the columns like the record schema; quoted fields hold commas, quotes and line breaks")
    func rfc4180() throws {
        let t = try Self.load("""
            id,Status,name,group,duration_ms,exit_code,started_at,error,elapsed\r
            1,COMPLETED,build,ci,1500,0,2026-11-24T01:00:00Z,,00:00:01\r
            2,FAILED,"test, unit",ci,250.5,3,1795482000,"said ""no""\r
            and stopped",00:00:00\r

            """)
        #expect(t.count == 2)
        #expect(t.status.entries == ["COMPLETED", "FAILED"])
        #expect(t.name[1] == "test, unit" && t.error[1] == "said \"no\"\r\nand stopped")
        #expect(t.durationMs == [1500, 250.5] && t.exitCode == [0, 3])
        #expect(t.startedAt == [1_795_482_000, 1_795_482_000])
    }

    @Test("the delimiter is told from the header (tab, | as sacct -P writes, ;), or given")
    func delimiters() throws {
        let tsv = try Self.load("id\tstatus\tduration_ms\na\tok\t5\n")
        #expect(tsv.status.entries == ["ok"] && tsv.durationMs == [5])
        // sacct -P --format=JobID,JobName,State,ExitCode, with the columns renamed to the schema.
        let sacct = try Self.load("id|name|status|exit_code\n1042|train|CANCELLED by 1042|0\n1043|eval|OUT_OF_MEMORY|0\n")
        #expect(sacct.status.entries == ["CANCELLED by 1042", "OUT_OF_MEMORY"])
        #expect(sacct.status.entries.map(StatusKind.init(label:)) == [.cancelled, .failed])
        let semicolons = try Self.load("id;status;name\n1;ok;a,b\n", delimiter: UInt8(ascii: ";"))
        #expect(semicolons.name[0] == "a,b")
    }

    @Test("bad rows are one line naming the file, the line and the column")
    func errors() throws {
        #expect(try Self.failure("id,status,duration_ms\n1,ok,5\n2,ok,fast\n")
            == "FILE:3: column 'duration_ms': expected a number, got 'fast'")
        #expect(try Self.failure("id,status\n1,ok\n2,ok,extra\n")
            == "FILE:3: 3 fields where the header has 2; quote fields that hold the delimiter")
        #expect(try Self.failure("id,status,started_at\n1,ok,yesterday\n").hasPrefix("FILE:2: column 'started_at': 'yesterday' is not an RFC 3339 time"))
        #expect(try Self.failure("id,status\n1,\n") == "FILE:2: column 'status': required field 'status' is missing or empty")
        #expect(try Self.failure("id,status,error\n1,ok,\"open\n") == "FILE:2: a quoted field is not closed before the end of the file")
        #expect(try Self.failure("id,state\n1,ok\n").contains("not JSON, JSON Lines, CSV, JUnit XML or SQLite"), "no status column: not CSV")
    }

    @Test("a CSV larger than the first read is read whole")
    func largerThanAChunk() throws {
        let folder = try TemporaryFolder()
        var loader = TaskLoader()
        loader.chunkSize = 64
        let rows = (0..<500).map { "\($0),ok,\($0)" }.joined(separator: "\n")
        let t = try loader.load([.file(try folder.write("big.csv", "id,status,duration_ms\n" + rows + "\n"))])
        #expect(t.count == 500 && t.durationMs.last == 499)
    }
}
