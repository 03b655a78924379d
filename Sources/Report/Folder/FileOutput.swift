import Foundation

/// A file written through a large buffer, for exporters that stream rather
/// than build the whole file in memory (`tasks.csv` at a million records).
public final class FileOutput {
    private let handle: UnsafeMutablePointer<FILE>
    /// Grows as written, to about ``bufferSize``, then goes to the file.
    private var buffer: [UInt8] = []
    private var failure: Int32 = 0
    private static let bufferSize = 1 << 20

    /// Opens `path` for writing, replacing it.
    init(path: String) throws(ReportError) {
        guard let handle = fopen(path, "wb") else {
            throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        self.handle = handle
    }

    /// Appends the UTF-8 bytes of `text`.
    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.bufferSize { drain() }
    }

    /// Appends a byte array; a large one goes to the file directly, not through the buffer.
    public func write(bytes: [UInt8]) {
        guard bytes.count >= Self.bufferSize else {
            buffer.append(contentsOf: bytes)
            if buffer.count >= Self.bufferSize { drain() }
            return
        }
        drain()
        if failure == 0, fwrite(bytes, 1, bytes.count, handle) != bytes.count { failure = errno }
    }

    private func drain() {
        if failure == 0, !buffer.isEmpty, fwrite(buffer, 1, buffer.count, handle) != buffer.count { failure = errno }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and closes the file.
    /// - Throws: ``ReportError/cannotWrite(path:reason:)`` when any write failed.
    func close(path: String) throws(ReportError) {
        drain()
        if fclose(handle) != 0, failure == 0 { failure = errno }
        if failure != 0 { throw .cannotWrite(path: path, reason: String(cString: strerror(failure))) }
    }
}
