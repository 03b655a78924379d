import Foundation
import Testing
import TestSupport

@testable import Scheduler

@Suite("finding commands on PATH")
struct ExecutableLookupTests {
    @Test("the first executable match in PATH order wins; files that are not executable are skipped")
    func order() throws {
        let folder = try TemporaryFolder()
        for dir in ["a", "b", "c"] {
            try FileManager.default.createDirectory(atPath: folder.path(dir), withIntermediateDirectories: true)
        }
        try folder.write("a/tool", "not executable")
        try folder.write("b/tool", "#!/bin/sh\n")
        try folder.write("c/tool", "#!/bin/sh\n")
        for dir in ["b", "c"] {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path("\(dir)/tool"))
        }
        let searchPath = ["a", "b", "c"].map(folder.path).joined(separator: ":")
        #expect(ExecutableLookup().path(of: "tool", searchPath: searchPath) == folder.path("b/tool"))
        #expect(ExecutableLookup().path(of: "./x/y", searchPath: searchPath) == "./x/y")
    }

    @Test("a command not found is looked up again, so one installed by an earlier task is found")
    func noNegativeCache() throws {
        let folder = try TemporaryFolder()
        let lookup = ExecutableLookup()
        #expect(lookup.path(of: "later", searchPath: folder.url.path) == nil)
        try folder.write("later", "#!/bin/sh\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path("later"))
        #expect(lookup.path(of: "later", searchPath: folder.url.path) == folder.path("later"))
    }
}
