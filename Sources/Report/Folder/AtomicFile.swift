import Foundation
import SystemPackage

/// One file written whole or not at all: bytes go to a temporary file beside
/// it, which is renamed over it when complete.
public enum AtomicFile {
    /// Writes `bytes` to `path`, replacing what was there.
    /// - Throws: ``ReportError/cannotWrite(path:reason:)`` naming `path`, with the system's reason
    ///   ("Is a directory", "No space left on device"); `path` is then as it was.
    public static func write(_ bytes: [UInt8], to path: String) throws(ReportError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw .cannotWrite(path: path, reason: "it is a folder; give a file name")
        }
        let url = URL(fileURLWithPath: path)
        var template = Array(url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-XXXXXX").path.utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let file = FileDescriptor(rawValue: fd)
        var failure: Int32 = 0
        do {
            try file.closeAfter {
                _ = try file.writeAll(bytes)
                // The file gets the mode a plain create would give, not mkstemp's 0600.
                let mask = umask(0)
                umask(mask)
                fchmod(file.rawValue, 0o666 & ~mask)
            }
        } catch {
            failure = (error as? Errno)?.rawValue ?? EIO
        }
        if failure == 0, rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw .cannotWrite(path: path, reason: String(cString: strerror(failure)))
        }
    }
}
