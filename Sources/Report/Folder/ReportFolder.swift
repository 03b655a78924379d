import Foundation

/// Writes a report's files so that the target folder only ever holds a whole report.
///
/// Files are written into a staging folder beside the target (same file
/// system), and only when all are written are they renamed into place:
/// `charts/` and the data files first, `index.html` last. If the target does
/// not exist yet, the staging folder itself is renamed to it. Other files in
/// the target (such as the scheduler's store) are left alone.
public struct ReportFolder: Sendable {
    /// The folder the report is written to.
    public let path: String

    /// Creates a writer for `path`.
    public init(path: String) {
        self.path = path
    }

    /// Writes `files` and moves them into place.
    /// - Throws: ``ReportError/cannotWrite(path:reason:)``; the target is then unchanged
    ///   and the staging folder removed.
    public func write(_ files: [ReportFile]) throws(ReportError) {
        let fileManager = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let staging = try makeStagingFolder(in: parent, for: target.lastPathComponent)
        do {
            var folders: Set<String> = []
            for file in files {
                let url = staging.appendingPathComponent(file.path)
                let folder = url.deletingLastPathComponent()
                if folder != staging, folders.insert(folder.path).inserted {
                    try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
                }
                let output = try FileOutput(path: url.path)
                switch file.contents {
                case .bytes(let bytes): output.write(bytes: bytes)
                case .stream(let write): write(output)
                }
                try output.close(path: file.path)
            }
            try commit(staging: staging, target: target, entries: topLevelEntries(of: files))
        } catch let error as ReportError {
            try? fileManager.removeItem(at: staging)
            throw error
        } catch {
            try? fileManager.removeItem(at: staging)
            throw .cannotWrite(path: path, reason: Self.reason(error))
        }
        try? fileManager.removeItem(at: staging)
    }

    private func makeStagingFolder(in parent: URL, for name: String) throws(ReportError) -> URL {
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: parent.path, reason: Self.reason(error))
        }
        var template = Array(parent.appendingPathComponent(".\(name).staging-XXXXXX").path.utf8CString)
        guard let made = mkdtemp(&template) else {
            throw .cannotWrite(path: parent.path, reason: String(cString: strerror(errno)))
        }
        // mkdtemp makes the folder private (0700); a report folder is for sharing,
        // so give it the mode a plain mkdir would have.
        let mask = umask(0)
        umask(mask)
        chmod(made, 0o777 & ~mask)
        return URL(fileURLWithPath: String(cString: made))
    }

    /// The report's top-level entries, `index.html` last so the page changes last.
    private func topLevelEntries(of files: [ReportFile]) -> [String] {
        var seen: [String] = []
        for file in files {
            let first = String(file.path.split(separator: "/").first ?? "")
            if !seen.contains(first) { seen.append(first) }
        }
        return seen.filter { $0 != "index.html" } + seen.filter { $0 == "index.html" }
    }

    private func commit(staging: URL, target: URL, entries: [String]) throws {
        let fileManager = FileManager.default
        if !fileManager.fileExists(atPath: target.path) {
            try rename(staging, to: target)
            return
        }
        let replaced = staging.appendingPathComponent(".replaced")
        try fileManager.createDirectory(at: replaced, withIntermediateDirectories: false)
        for entry in entries {
            let old = target.appendingPathComponent(entry)
            if fileManager.fileExists(atPath: old.path) {
                try rename(old, to: replaced.appendingPathComponent(entry))
            }
            try rename(staging.appendingPathComponent(entry), to: old)
        }
    }

    private func rename(_ source: URL, to destination: URL) throws {
        guard Foundation.rename(source.path, destination.path) == 0 else {
            throw ReportError.cannotWrite(path: destination.path, reason: String(cString: strerror(errno)))
        }
    }

    private static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
