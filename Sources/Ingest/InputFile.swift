import Glibc

/// An open input read with plain `read(2)`: a file, or standard input.
final class InputFile {
    let name: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool

    /// Opens `source` for reading.
    /// - Throws: ``IngestError/unreadable(input:reason:)`` when it cannot be opened or is a directory.
    init(_ source: InputSource) throws(IngestError) {
        name = source.description
        switch source {
        case .standardInput:
            descriptor = 0
            ownsDescriptor = false
        case .file(let path):
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw .unreadable(input: path, reason: String(cString: strerror(errno))) }
            var info = stat()
            if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                close(fd)
                throw .unreadable(input: path, reason: "is a directory")
            }
            descriptor = fd
            ownsDescriptor = true
        }
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Reads until `count` bytes arrived at `destination` or the input ended.
    /// - Returns: The number of bytes read; fewer than `count` only at the end.
    /// - Throws: ``IngestError/unreadable(input:reason:)`` on a read error.
    func read(into destination: UnsafeMutableRawPointer, count: Int) throws(IngestError) -> Int {
        var total = 0
        while total < count {
            let n = Glibc.read(descriptor, destination + total, count - total)
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(input: name, reason: String(cString: strerror(errno)))
            }
            total += n
        }
        return total
    }
}
