import Foundation

/// Moves a report from its staging folder into an existing report folder:
/// all of it or, after any failure, none of it.
///
/// Only the report's own files are touched, one by one: each old file is
/// first moved aside into the staging folder's `.replaced/`, then the new one
/// is moved in (`charts/…`, the data files, `index.html` last). Files of the
/// report that the new one does not write (an export no longer chosen) are
/// moved aside too, so no stale file is left beside the new page. Every step
/// is a `rename(2)` within one file system and is recorded; when one fails,
/// the steps done are undone in reverse, so the folder holds exactly the old
/// report again. Before the first step a journal is written into the staging
/// folder, so that a writer killed half way is undone by the next one
/// (``recover(staging:target:)``).
struct FolderCommit {
    /// The staging folder holding the new report, and the report folder.
    let staging: String
    let target: String
    /// Every file a report may write, relative to the folder, in commit order.
    let entries: [String]
    /// `rename(2)`; tests replace it to fail at a chosen step.
    let rename: (String, String) -> Int32

    private static let journalName = ".commit"
    private static let doneName = ".committed"
    private static let backupName = ".replaced"

    /// One change made to the report folder, undone in reverse on failure.
    private enum Step {
        case movedAside(String)
        case placed(String)
        case madeFolder(String)
    }

    /// Puts the new report in place.
    /// - Throws: ``ReportError/cannotWrite(path:reason:)`` naming the report folder's file at
    ///   fault, after every step was undone; or ``ReportError/notRestored(path:backup:reason:)``
    ///   when undoing failed too, with the old files kept in the staging folder.
    func run() throws(ReportError) {
        let fileManager = FileManager.default
        let placing = entries.filter { fileManager.fileExists(atPath: staging + "/" + $0) }
        let folders = Set(placing.compactMap(Self.folder(of:)))
        var missingFolders: [String] = []
        for folder in folders.sorted() {
            var isFolder: ObjCBool = false
            if !fileManager.fileExists(atPath: target + "/" + folder, isDirectory: &isFolder) {
                missingFolders.append(folder)
            } else if !isFolder.boolValue {
                throw .cannotWrite(path: target + "/" + folder, reason: "it exists and is not a folder")
            }
        }
        try writeJournal(placing: Set(placing), creating: missingFolders, folders: folders)

        var done: [Step] = []
        do throws(ReportError) {
            for folder in missingFolders {
                try check(mkdir(target + "/" + folder, 0o777) == 0, target + "/" + folder)
                done.append(.madeFolder(folder))
            }
            for entry in entries {
                let old = target + "/" + entry
                if Self.exists(old) {
                    try check(rename(old, backup + "/" + entry) == 0, old)
                    done.append(.movedAside(entry))
                }
                if placing.contains(entry) {
                    try check(rename(staging + "/" + entry, old) == 0, old)
                    done.append(.placed(entry))
                }
            }
        } catch {
            try undo(done, after: error)
            throw error
        }
        // Marked done, a later sweep will not undo the commit. (Should the mark fail, a sweep would
        // put the old report back: still a whole report.)
        _ = FileManager.default.createFile(atPath: staging + "/" + Self.doneName, contents: nil)
        if missingFolders.isEmpty {
            // A folder the report no longer writes into, now empty, goes too (rmdir keeps it when it is not).
            for folder in Set(entries.compactMap(Self.folder(of:))).subtracting(folders) { rmdir(target + "/" + folder) }
        }
    }

    /// Undoes `steps` in reverse after `error`.
    private func undo(_ steps: [Step], after error: ReportError) throws(ReportError) {
        for step in steps.reversed() {
            let ok: Bool
            switch step {
            case .placed(let entry): ok = rename(target + "/" + entry, staging + "/" + entry) == 0
            case .movedAside(let entry): ok = rename(backup + "/" + entry, target + "/" + entry) == 0
            case .madeFolder(let folder): ok = rmdir(target + "/" + folder) == 0
            }
            guard ok else {
                throw .notRestored(path: target, backup: backup, reason: "\(error.description); then: \(String(cString: strerror(errno)))")
            }
        }
    }

    private var backup: String { staging + "/" + Self.backupName }

    /// Writes which entries the commit places and which folders it creates, and makes `.replaced/`.
    private func writeJournal(placing: Set<String>, creating: [String], folders: Set<String>) throws(ReportError) {
        let lines = creating.map { "folder \($0)" } + entries.map { "file \(placing.contains($0) ? 1 : 0) \($0)" }
        do {
            try FileManager.default.createDirectory(atPath: backup, withIntermediateDirectories: false)
            for folder in Set(entries.compactMap(Self.folder(of:))) {
                try FileManager.default.createDirectory(atPath: backup + "/" + folder, withIntermediateDirectories: true)
            }
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: staging + "/" + Self.journalName))
        } catch {
            throw .cannotWrite(path: target, reason: (error as NSError).localizedFailureReason ?? "\(error)")
        }
    }

    /// Puts a report folder back as it was before a commit that a killed writer left in `staging`.
    /// - Returns: Whether `staging` may now be removed: there was no commit, it had finished,
    ///   or it was undone. False when a file could not be put back; the staging folder then keeps it.
    static func recover(staging: String, target: String) -> Bool {
        let fileManager = FileManager.default
        guard !fileManager.fileExists(atPath: staging + "/" + doneName),
              let journal = try? String(contentsOfFile: staging + "/" + journalName, encoding: .utf8)
        else { return true }
        let backup = staging + "/" + backupName
        var created: [String] = []
        for line in journal.split(separator: "\n").reversed() {
            let parts = line.split(separator: " ", maxSplits: 2).map(String.init)
            if parts.count == 2, parts[0] == "folder" {
                created.append(parts[1])
                continue
            }
            guard parts.count == 3, parts[0] == "file" else { continue }
            let entry = parts[2], placedFile = parts[1] == "1"
            let inTarget = target + "/" + entry
            // A new file no longer in staging was placed: take it out again.
            if placedFile, !exists(staging + "/" + entry), exists(inTarget) {
                guard Glibc.rename(inTarget, staging + "/" + entry) == 0 else { return false }
            }
            if exists(backup + "/" + entry) {
                guard Glibc.rename(backup + "/" + entry, inTarget) == 0 else { return false }
            }
        }
        for folder in created { rmdir(target + "/" + folder) }
        return true
    }

    private func check(_ succeeded: Bool, _ path: String) throws(ReportError) {
        guard succeeded else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    }

    /// Whether anything is at `path`, a dangling link included.
    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// The folder part of an entry (`charts` of `charts/status.png`); nil at the top level.
    private static func folder(of entry: String) -> String? {
        guard let slash = entry.lastIndex(of: "/") else { return nil }
        return String(entry[..<slash])
    }
}
