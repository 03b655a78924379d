import Foundation

/// Which folders a report may be written to.
///
/// A report replaces `index.html`, `charts/…` and the data files in its
/// folder, so an empty `--out` (an unset `$REPORT_DIR`, say) must not mean
/// the current folder, and a slip must not aim it at the root, the home
/// folder or a system folder.
public enum OutputFolderRule {
    /// Folders never written to, besides `/` and the home folder.
    static let systemFolders: Set<String> = [
        "/bin", "/boot", "/dev", "/etc", "/lib", "/lib32", "/lib64", "/opt", "/proc", "/root", "/run", "/sbin", "/srv",
        "/sys", "/tmp", "/usr", "/var",
    ]

    /// Checks `path` as a report folder.
    /// - Parameter home: The home folder (`$HOME`), refused as well.
    /// - Throws: ``ReportError/unsafeFolder(path:reason:)``.
    public static func check(_ path: String, home: String? = ProcessInfo.processInfo.environment["HOME"]) throws(ReportError) {
        guard !path.isEmpty else {
            throw .unsafeFolder(path: path, reason: "the report folder is empty; give a folder such as Output (is a variable unset?)")
        }
        let resolved = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        if resolved == "/" {
            throw .unsafeFolder(path: path, reason: "the report would replace files at the root of the file system")
        }
        if let home, !home.isEmpty, resolved == URL(fileURLWithPath: home).standardizedFileURL.resolvingSymlinksInPath().path {
            throw .unsafeFolder(path: path, reason: "the report would replace files in the home folder; give a folder of its own")
        }
        if systemFolders.contains(resolved) {
            throw .unsafeFolder(path: path, reason: "the report would replace files in the system folder \(resolved)")
        }
    }
}
