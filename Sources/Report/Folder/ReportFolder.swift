import Foundation
import Support

/// Writes a report's files so that the report folder only ever holds a whole
/// report: the old one or the new one, never a mix, and nothing of anyone else's touched.
///
/// Files are written into a ``StagingFolder`` beside the report folder (same
/// file system). When all are written, a new folder is the staging folder
/// renamed; an existing one gets the new files by a ``FolderCommit``, which
/// replaces only the report's own files and undoes itself on failure. Other
/// files in the folder (a store, someone's notes in `charts/`) are left alone.
/// Commits into one folder take turns (a lock on its parent), so two runs
/// reporting at once leave one whole report, not a mix. Staging folders that a killed writer left behind are removed first, and
/// ``StagingCleanup`` removes this writer's own when a signal stops it.
public struct ReportFolder: Sendable {
    /// The folder the report is written to.
    public let path: String
    /// `rename(2)`; tests replace it to make a chosen step fail.
    var rename: @Sendable (String, String) -> Int32 = { Glibc.rename($0, $1) }

    /// Creates a writer for `path`.
    public init(path: String) {
        self.path = path
    }

    /// Writes `files` and moves them into place.
    /// - Parameter owned: Every file a report may write (relative paths), in commit order: in an
    ///   existing folder, these are replaced or, when `files` lacks them, moved out; nothing else is touched.
    /// - Throws: ``ReportError`` naming a path in the report folder; the folder then holds what it held before.
    public func write(_ files: [ReportFile], owned: [String]) throws(ReportError) {
        try OutputFolderRule.check(path)
        let target = Self.resolved(path)
        let parent = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isFolder), !isFolder.boolValue {
            throw .cannotWrite(path: path, reason: "it exists and is not a folder")
        }
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: parent, reason: (error as NSError).localizedFailureReason ?? "\(error)")
        }
        try Self.withFolderLock(parent) { StagingFolder.sweep(beside: target, parent: parent, name: name) }

        let staging = try StagingFolder(in: parent, for: name)
        guard StagingCleanup.register(staging.path) else {
            staging.remove()
            throw .interrupted
        }
        // Removed afterwards, unless it holds the only copy of old files a failed commit could not put back.
        var keepStaging = false
        defer {
            if !keepStaging { staging.remove() }
            StagingCleanup.unregister(staging.path)
        }
        try write(files, into: staging.path)
        guard StagingCleanup.beginCommit(staging.path) else { throw .interrupted }
        defer { StagingCleanup.endCommit(staging.path) }
        // One commit at a time into this folder: two runs reporting at once would otherwise interleave.
        try Self.withFolderLock(parent) { () throws(ReportError) in
            if FileManager.default.fileExists(atPath: target) {
                do throws(ReportError) {
                    try FolderCommit(staging: staging.path, target: target, entries: owned, rename: rename).run()
                } catch {
                    if case .notRestored = error { keepStaging = true }
                    throw error
                }
            } else if rename(staging.path, target) != 0 {
                throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
        }
    }

    /// Runs `body` holding an exclusive `flock` on `folder` (advisory: only report writers take it,
    /// for the milliseconds of a commit or a sweep; it creates no file).
    private static func withFolderLock<T>(_ folder: String, _ body: () throws(ReportError) -> T) throws(ReportError) -> T {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotWrite(path: folder, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw .cannotWrite(path: folder, reason: String(cString: strerror(errno))) }
        }
        return try body()
    }

    /// Writes every file into the staging folder; errors name the file as it will be in the report folder.
    /// The folders are made first, then the files are written at once, each job opening, filling and
    /// closing its own: the large streamed ones (`tasks.csv`, `junit.xml`) take about as long as each
    /// other, and two cores write both in the time of one.
    private func write(_ files: [ReportFile], into staging: String) throws(ReportError) {
        var folders: Set<String> = []
        for file in files {
            let folder = (file.path as NSString).deletingLastPathComponent
            if !folder.isEmpty, folders.insert(folder).inserted {
                guard mkdir(staging + "/" + folder, 0o777) == 0 || errno == EEXIST else {
                    throw .cannotWrite(path: shown(folder), reason: String(cString: strerror(errno)))
                }
            }
        }
        let failures = ResultSlots<String?>(count: files.count)  // each file's failure reason, or nil
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            do throws(ReportError) {
                let output = try FileOutput(path: staging + "/" + file.path)
                switch file.contents {
                case .bytes(let bytes): output.write(bytes: bytes)
                case .stream(let write): write(output)
                }
                try output.close(path: file.path)
                failures[index] = .some(nil)
            } catch {
                failures[index] = .some(error.reason)
            }
        }
        for (file, failure) in zip(files, failures.values) {
            if let failure { throw .cannotWrite(path: shown(file.path), reason: failure) }
        }
    }

    /// `entry` as a path in the report folder, for messages.
    private func shown(_ entry: String) -> String {
        (path as NSString).appendingPathComponent(entry)
    }

    /// The report folder's absolute path, its own symbolic link followed (so that the
    /// staging folder is made beside what it points to, on the same file system).
    static func resolved(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        return (try? FileManager.default.destinationOfSymbolicLink(atPath: absolute.path)).map {
            URL(fileURLWithPath: $0, relativeTo: absolute.deletingLastPathComponent()).standardizedFileURL.path
        } ?? absolute.path
    }
}
