import Foundation
import Synchronization
import Testing
import TestSupport

@testable import Report

/// Every file under `folder`, by relative path, with its bytes.
func snapshot(_ folder: String) -> [String: Data] {
    var files: [String: Data] = [:]
    guard let walker = FileManager.default.enumerator(atPath: folder) else { return files }
    for case let entry as String in walker {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder + "/" + entry, isDirectory: &isFolder), !isFolder.boolValue {
            files[entry] = FileManager.default.contents(atPath: folder + "/" + entry)
        }
    }
    return files
}

/// The staging folders beside `folder`.
func stagingFolders(beside folder: String) -> [String] {
    let parent = (folder as NSString).deletingLastPathComponent, name = (folder as NSString).lastPathComponent
    return ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []).filter { $0.hasPrefix(".\(name).staging-") }
}

/// Messages collected from concurrent work.
final class ResultBox: Sendable {
    private let messages = Mutex<[String]>([])
    func add(_ message: String) { messages.withLock { $0.append(message) } }
    var all: [String] { messages.withLock { $0 } }
}

/// A rename that fails with EIO on its `n`th call (and, with `andAfter`, on every later one).
final class FailingRename: Sendable {
    private let calls = Mutex(0)
    let n: Int
    let andAfter: Bool

    init(failing n: Int, andAfter: Bool = false) {
        self.n = n
        self.andAfter = andAfter
    }

    func rename(_ from: String, _ to: String) -> Int32 {
        let call = calls.withLock { count -> Int in
            count += 1
            return count
        }
        if call == n || (andAfter && call > n) {
            errno = EIO
            return -1
        }
        return Glibc.rename(from, to)
    }
}

@Suite("the report folder holds the old report or the new one, and nothing of anyone else's is lost")
struct OutputFolderTests {
    /// The old report, a user's files beside and inside it, and a new report that writes other files.
    static let owned = ["charts/a.png", "charts/b.png", "stats.json", "junit.xml", "index.html"]
    static let oldReport = ["charts/a.png": "old a", "charts/b.png": "old b", "junit.xml": "old junit", "index.html": "old page"]
    static let newFiles = [
        ReportFile(path: "charts/a.png", text: "new a"), ReportFile(path: "stats.json", text: "new stats"),
        ReportFile(path: "index.html", text: "new page"),
    ]

    func oldFolder() throws -> (TemporaryFolder, String) {
        let temporary = try TemporaryFolder()
        let folder = temporary.path("report")
        try FileManager.default.createDirectory(atPath: folder + "/charts", withIntermediateDirectories: true)
        for (path, text) in Self.oldReport.merging(["charts/my-notes.svg": "mine", "store.sqlite": "data"]) { $1 } {
            try text.write(toFile: folder + "/" + path, atomically: false, encoding: .utf8)
        }
        return (temporary, folder)
    }

    @Test("only the report's own files are replaced; its files the new report does not write are moved out")
    func replacesOnlyOwnFiles() throws {
        let (temporary, folder) = try oldFolder()
        try ReportFolder(path: folder).write(Self.newFiles, owned: Self.owned)
        let files = snapshot(folder).mapValues { String(decoding: $0, as: UTF8.self) }
        #expect(files == ["charts/a.png": "new a", "stats.json": "new stats", "index.html": "new page",
                          "charts/my-notes.svg": "mine", "store.sqlite": "data"])
        #expect(stagingFolders(beside: folder).isEmpty)
        _ = temporary
    }

    @Test("a rename failing at any step of the commit leaves exactly the old report, and names the report's own path")
    func failureAtEveryStep() throws {
        let (temporary, folder) = try oldFolder()
        let before = snapshot(folder)
        var step = 1
        while true {
            var writer = ReportFolder(path: folder)
            let failing = FailingRename(failing: step)
            writer.rename = { failing.rename($0, $1) }
            do {
                try writer.write(Self.newFiles, owned: Self.owned)
                break
            } catch {
                guard case .cannotWrite(let path, let reason) = error else { Issue.record("\(error)"); return }
                #expect(path.hasPrefix(folder + "/") && !path.contains("staging"), "names \(path)")
                #expect(reason == String(cString: strerror(EIO)))
                #expect(snapshot(folder) == before, "step \(step) left the folder changed")
                #expect(stagingFolders(beside: folder).isEmpty, "step \(step) left a staging folder")
            }
            step += 1
        }
        // 4 old files aside + 3 new in: the 8th rename is the first not to fail.
        #expect(step == 8)
        #expect(snapshot(folder)["index.html"] == Data("new page".utf8))
        _ = temporary
    }

    @Test("when undoing fails too, the old files are kept in the staging folder, which says so; the next writer puts them back")
    func failedUndo() throws {
        let (temporary, folder) = try oldFolder()
        let before = snapshot(folder)
        var writer = ReportFolder(path: folder)
        let failing = FailingRename(failing: 4, andAfter: true)
        writer.rename = { failing.rename($0, $1) }
        #expect {
            try writer.write(Self.newFiles, owned: Self.owned)
        } throws: { error in
            guard case .notRestored(_, let backup, _)? = error as? ReportError else { return false }
            return FileManager.default.fileExists(atPath: backup + "/charts/a.png")
        }
        // The folder is mixed now, but nothing is lost: the staging folder was kept. It is ours and we are
        // alive, so make it look like a killed writer's (its pid gone) and let the next writer recover it.
        let kept = try #require(stagingFolders(beside: folder).first)
        let parent = (folder as NSString).deletingLastPathComponent
        try FileManager.default.moveItem(atPath: parent + "/" + kept, toPath: parent + "/.report.staging-\(Int32.max)-dead")
        #expect(FolderCommit.recover(staging: parent + "/.report.staging-\(Int32.max)-dead", target: folder))
        #expect(snapshot(folder) == before)
        _ = temporary
    }

    @Test("a staging folder a killed writer left is removed by the next one; a half-done commit in it is undone first")
    func sweepsDeadWriters() throws {
        let (temporary, folder) = try oldFolder()
        let before = snapshot(folder)
        let parent = (folder as NSString).deletingLastPathComponent
        // A writer killed after moving the old index.html aside and putting its new one in.
        let dead = parent + "/.report.staging-\(Int32.max)-abcdef"
        try FileManager.default.createDirectory(atPath: dead + "/.replaced/charts", withIntermediateDirectories: true)
        try "file 0 junit.xml\nfile 1 index.html\n".write(toFile: dead + "/.commit", atomically: false, encoding: .utf8)
        try FileManager.default.moveItem(atPath: folder + "/index.html", toPath: dead + "/.replaced/index.html")
        try "half-new page".write(toFile: folder + "/index.html", atomically: false, encoding: .utf8)
        // A live writer's folder (this process) is left alone.
        let live = parent + "/.report.staging-\(getpid())-live00"
        try FileManager.default.createDirectory(atPath: live, withIntermediateDirectories: false)

        StagingFolder.sweep(beside: folder, parent: parent, name: "report")
        #expect(snapshot(folder) == before, "the old page is back")
        #expect(stagingFolders(beside: folder) == [".report.staging-\(getpid())-live00"])
        _ = temporary
    }

    @Test("a new folder is the staging folder renamed: no staging folder stays, a failure leaves no folder")
    func newFolder() throws {
        let temporary = try TemporaryFolder()
        let folder = temporary.path("fresh/report")
        var writer = ReportFolder(path: folder)
        let failing = FailingRename(failing: 1)
        writer.rename = { failing.rename($0, $1) }
        #expect(throws: ReportError.self) { try writer.write(Self.newFiles, owned: Self.owned) }
        #expect(!FileManager.default.fileExists(atPath: folder) && stagingFolders(beside: folder).isEmpty)
        try ReportFolder(path: folder).write(Self.newFiles, owned: Self.owned)
        #expect(snapshot(folder).count == 3 && stagingFolders(beside: folder).isEmpty)
    }

    @Test("two writers at once into one folder leave one whole report, never a mix (40 races)")
    func concurrentWriters() throws {
        let temporary = try TemporaryFolder()
        let folder = temporary.path("report")
        let reports = ["A", "B"].map { tag in Self.owned.map { ReportFile(path: $0, text: tag) } }
        for _ in 0..<40 {
            let failures = ResultBox()
            DispatchQueue.concurrentPerform(iterations: 2) { writer in
                do {
                    try ReportFolder(path: folder).write(reports[writer], owned: Self.owned)
                } catch {
                    failures.add("\(error)")
                }
            }
            #expect(failures.all.isEmpty, "\(failures.all)")
            let contents = Set(snapshot(folder).values)
            #expect(contents.count == 1 && snapshot(folder).count == Self.owned.count, "one report, whole: \(contents)")
            #expect(stagingFolders(beside: folder).isEmpty)
        }
    }

    @Test("an empty --out, the root, the home folder and system folders are refused", arguments: ["", "/", "/etc", "/usr"])
    func unsafeFolders(path: String) {
        #expect(throws: ReportError.self) { try OutputFolderRule.check(path) }
        #expect(throws: ReportError.self) { try OutputFolderRule.check("/home/someone/", home: "/home/someone") }
        #expect(throws: Never.self) { try OutputFolderRule.check("Output") }
    }
}
