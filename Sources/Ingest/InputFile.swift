import Glibc
import SystemPackage

/// An open input read in large blocks: a file, or standard input.
final class InputFile {
    let name: String
    /// The size in bytes of a regular file; nil for standard input, a pipe or a device.
    let size: Int?
    private let file: FileDescriptor
    private let ownsDescriptor: Bool

    /// Opens `source` for reading.
    /// - Throws: ``IngestError/unreadable(input:reason:)`` when it cannot be opened or is a directory.
    init(_ source: InputSource) throws(IngestError) {
        name = source.description
        switch source {
        case .standardInput:
            file = .standardInput
            ownsDescriptor = false
            size = nil
        case .file(let path):
            do {
                file = try FileDescriptor.open(FilePath(path), .readOnly, options: [.closeOnExec])
            } catch {
                throw .unreadable(input: path, reason: (error as? Errno).map(\.description) ?? "\(error)")
            }
            var info = stat()
            if fstat(file.rawValue, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                try? file.close()
                throw .unreadable(input: path, reason: "is a directory")
            }
            size = info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) : nil
            ownsDescriptor = true
        }
    }

    deinit {
        if ownsDescriptor { try? file.close() }
    }

    /// Reads until `count` bytes arrived at `destination` or the input ended.
    /// - Returns: The number of bytes read; fewer than `count` only at the end.
    /// - Throws: ``IngestError/unreadable(input:reason:)`` on a read error.
    func read(into destination: UnsafeMutableRawPointer, count: Int) throws(IngestError) -> Int {
        var total = 0
        while total < count {
            let n: Int
            do {
                n = try file.read(into: UnsafeMutableRawBufferPointer(start: destination + total, count: count - total))
            } catch {
                throw .unreadable(input: name, reason: (error as? Errno).map(\.description) ?? "\(error)")
            }
            if n == 0 { break }
            total += n
        }
        return total
    }
}
