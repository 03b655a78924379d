import Foundation

/// A folder beside the report folder where a report is written before it is
/// moved into place: `.NAME.staging-PID-XXXXXX`.
///
/// The folder is locked (`flock`) for as long as its writer lives, and its
/// name carries the writer's process id. A staging folder whose writer is
/// gone (killed with SIGKILL, or a machine that lost power) is neither
/// locked nor owned by a live process; ``sweep(beside:name:)`` finds such
/// folders, puts back a commit one of them left half done, and removes them.
final class StagingFolder {
    /// The folder's path.
    let path: String
    /// Kept open while the folder is in use: the lock lives as long as it.
    private let lock: Int32

    /// The marker every staging folder of `name` starts with.
    static func prefix(for name: String) -> String { ".\(name).staging-" }

    /// Creates and locks a staging folder for the report folder `name` in `parent`, with the mode a plain `mkdir` gives.
    init(in parent: String, for name: String) throws(ReportError) {
        var template = Array((parent as NSString).appendingPathComponent("\(Self.prefix(for: name))\(getpid())-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw .cannotWrite(path: parent, reason: String(cString: strerror(errno)))
        }
        path = String(cString: made)
        // mkdtemp makes the folder private (0700); a report folder is for sharing.
        let mask = umask(0)
        umask(mask)
        chmod(path, 0o777 & ~mask)
        lock = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard lock >= 0, flock(lock, LOCK_EX | LOCK_NB) == 0 else {
            let reason = String(cString: strerror(errno))
            if lock >= 0 { close(lock) }
            rmdir(path)
            throw .cannotWrite(path: parent, reason: reason)
        }
    }

    deinit {
        close(lock)
    }

    /// Removes the folder and everything in it.
    func remove() {
        StagingCleanup.removeTree(path)
    }

    /// Removes the staging folders of `name` in `parent` whose writer is gone,
    /// first undoing any commit one of them left half done (see ``FolderCommit/recover(staging:target:)``).
    /// Folders of live writers, and any that cannot be examined, are left alone.
    static func sweep(beside target: String, parent: String, name: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for entry in entries where entry.hasPrefix(prefix(for: name)) {
            let folder = (parent as NSString).appendingPathComponent(entry)
            guard !ownerIsAlive(entry.dropFirst(prefix(for: name).count)) else { continue }
            let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
            guard fd >= 0 else { continue }
            defer { close(fd) }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { continue }  // its writer still holds it
            guard FolderCommit.recover(staging: folder, target: target) else { continue }  // keep what could not be put back
            StagingCleanup.removeTree(folder)
        }
    }

    /// Whether the process named in a staging folder's suffix (`PID-XXXXXX`) is running. Folders
    /// without a process id (an older taskreport's) count as not owned.
    private static func ownerIsAlive(_ suffix: Substring) -> Bool {
        guard let dash = suffix.firstIndex(of: "-"), let pid = pid_t(suffix[..<dash]), pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
