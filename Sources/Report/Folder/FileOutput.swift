import SystemPackage

/// A file written through a large buffer, for exporters that stream rather
/// than build the whole file in memory (`tasks.csv` at a million records).
public final class FileOutput {
    private let file: FileDescriptor
    /// Grows as written, to about ``bufferSize``, then goes to the file.
    private var buffer: [UInt8] = []
    /// The first write that failed; later writes are skipped, and ``close(path:)`` reports it.
    private var failure: Errno?
    private static let bufferSize = 1 << 20

    /// Opens `path` for writing, replacing it.
    init(path: String) throws(ReportError) {
        do {
            file = try FileDescriptor.open(
                FilePath(path), .writeOnly, options: [.create, .truncate, .closeOnExec],
                permissions: [.ownerReadWrite, .groupRead, .otherRead])
        } catch {
            throw .cannotWrite(path: path, reason: (error as? Errno).map(\.description) ?? "\(error)")
        }
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
        send(bytes)
    }

    private func drain() {
        if !buffer.isEmpty { send(buffer) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func send(_ bytes: [UInt8]) {
        guard failure == nil else { return }
        do {
            _ = try file.writeAll(bytes)
        } catch {
            failure = (error as? Errno) ?? .ioError
        }
    }

    /// Writes what is buffered and closes the file.
    /// - Throws: ``ReportError/cannotWrite(path:reason:)`` when any write failed.
    func close(path: String) throws(ReportError) {
        drain()
        do {
            try file.close()
        } catch {
            failure = failure ?? (error as? Errno) ?? .ioError
        }
        if let failure { throw .cannotWrite(path: path, reason: failure.description) }
    }
}
