import Foundation
import Glibc
import Synchronization

/// A real HTTP/1.1 server on 127.0.0.1 at a free port, for tests of HTTP checks,
/// well-behaved or not. Each connection is served on a thread of its own.
///
/// - `GET /status/NNN`: status NNN.
/// - `GET /hang`: accepts, reads the request, never answers (``mostHangingAtOnce`` counts them).
/// - `GET /drip`: sends its headers, then one byte of body every 0.3 s, never all of it.
/// - `GET /redirect/TARGET`: 302 to TARGET (percent-encoded in the path), or to `/redirect/…` itself with `loop`.
/// - `GET /authorized`: 200 when the request's `Authorization` header is ``authorization``, else 401.
/// - anything else: 200.
///
/// Bodies say `status NNN`. Serves until ``stop()``, which must be called once.
public final class LoopbackHTTPServer: Sendable {
    public let port: Int
    private let socketFD: Int32
    /// The `Authorization` header `/authorized` wants.
    public let authorization: String?
    private let heldConnections = Mutex<[Double]>([])
    /// `/hang` requests being held now, and the most held at once.
    private let hanging = Mutex((now: 0, most: 0))

    /// How long each `/hang` and `/drip` client kept its connection open, in seconds, measured
    /// here, on the serving thread, from the request to the client closing it.
    public var connectionLifetimes: [Double] { heldConnections.withLock { $0 } }

    /// The most `/hang` requests held open at the same time.
    public var mostHangingAtOnce: Int { hanging.withLock { $0.most } }

    /// Binds a free port and starts serving.
    public init(authorization: String? = nil) throws {
        self.authorization = authorization
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.socketFD = socketFD
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(socketFD, 64) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketFD, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in
            while true {
                let client = accept(socketFD, nil, nil)
                guard client >= 0 else { return }
                Thread.detachNewThread { [self] in
                    if let held = Self.serve(client, authorization: authorization, hanging: hanging) {
                        heldConnections.withLock { $0.append(held) }
                    }
                }
            }
        }
    }

    /// `http://127.0.0.1:PORT/path`.
    public func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Stops accepting connections; the serving thread ends.
    public func stop() {
        shutdown(socketFD, Int32(SHUT_RDWR))
        close(socketFD)
    }

    /// Answers one request; returns how long the client held the connection for `/hang` and `/drip`.
    private static func serve(_ client: Int32, authorization: String?, hanging: borrowing Mutex<(now: Int, most: Int)>) -> Double? {
        defer { close(client) }
        let start = Date()
        var buffer = [UInt8](repeating: 0, count: 8192)
        let n = read(client, &buffer, buffer.count)
        let request = String(decoding: buffer.prefix(max(n, 0)), as: UTF8.self)
        let path = request.split(separator: " ").dropFirst().first.map(String.init) ?? "/"
        // MSG_NOSIGNAL: writing to a client that has gone is an error here, not a SIGPIPE that ends the tests.
        func send(_ text: String) -> Bool { text.withCString { Glibc.send(client, $0, strlen($0), Int32(MSG_NOSIGNAL)) } >= 0 }
        func answer(_ status: Int, headers: String = "") {
            let body = "status \(status)\n"
            _ = send("HTTP/1.1 \(status) Test\r\nContent-Length: \(body.utf8.count)\r\n\(headers)Connection: close\r\n\r\n\(body)")
        }
        switch path {
        case "/hang":
            hanging.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
            while read(client, &buffer, buffer.count) > 0 {}  // until the client gives up
            hanging.withLock { $0.now -= 1 }
            return Date().timeIntervalSince(start)
        case "/drip":
            guard send("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n") else { return nil }
            while send("x") { usleep(300_000) }
            return Date().timeIntervalSince(start)
        case "/authorized":
            let line = request.split(separator: "\r\n").first { $0.lowercased().hasPrefix("authorization:") }
            let given = line.map { $0.dropFirst("authorization:".count).trimmingCharacters(in: .whitespaces) }
            answer(given != nil && given == authorization ? 200 : 401)
        case "/no-authorization":  // 200 only to a request that carries no credentials
            answer(request.lowercased().contains("\r\nauthorization:") ? 400 : 200)
        case "/redirect/loop":
            answer(302, headers: "Location: /redirect/loop\r\n")
        case _ where path.hasPrefix("/redirect/"):
            let target = String(path.dropFirst("/redirect/".count)).removingPercentEncoding ?? "/"
            answer(302, headers: "Location: \(target)\r\n")
        case _ where path.hasPrefix("/status/"):
            answer(Int(path.dropFirst("/status/".count)) ?? 200)
        default:
            answer(200)
        }
        return nil
    }
}
