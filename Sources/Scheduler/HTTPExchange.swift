import CHTTPGet
import Foundation
import Synchronization

/// One HTTP check's GETs through libcurl: the first request, then each redirect its policy lets it
/// follow, all within one deadline. Learns the last answer's status and the tail of its body.
final class HTTPExchange: Sendable {
    /// What the exchange learnt.
    struct Outcome: Sendable {
        var status: Int?
        var body = OutputTail()
        /// Why a request failed, as libcurl says.
        var error: String?
        /// A redirect that was not followed, and why, for the record.
        var refusedRedirect: String?
        var timedOut = false
    }

    private struct State {
        var body = OutputTail()
        var stopped = false
    }

    private let state = Mutex(State())
    private let policy: HTTPCheck.Redirects

    /// An exchange that follows redirects as `policy` says.
    init(policy: HTTPCheck.Redirects) {
        self.policy = policy
    }

    /// GETs `url` with `headers` ("Name: value"), following redirects, until `deadline`.
    /// `authorization` is sent only to the first address's origin.
    /// - Returns: The outcome, or why libcurl could not be loaded.
    func run(url: URL, headers: [String], authorization: String?, deadline: Date) async -> Result<Outcome, LoadFailure> {
        if let problem = th_load() { return .failure(LoadFailure(message: String(cString: problem))) }
        let origin = Self.origin(of: url)
        var outcome = Outcome(), address = url, redirects = 0
        while true {
            let sameOrigin = Self.origin(of: address) == origin
            let answer = await get(address, headers: headers + (sameOrigin ? [authorization].compactMap { $0 } : []),
                                   timeoutMs: Int(deadline.timeIntervalSinceNow * 1000))
            outcome.status = answer.status
            outcome.body = state.withLock { $0.body }
            outcome.timedOut = answer.timedOut
            outcome.error = answer.error
            guard let target = answer.redirect, outcome.error == nil, !answer.stopped else { return .success(outcome) }
            redirects += 1
            let shown = CredentialRedaction.url(target.absoluteString)
            if redirects > HTTPCheck.maximumRedirects {
                outcome.refusedRedirect = "more than \(HTTPCheck.maximumRedirects) redirects; the last, to \(shown), was not followed"
            } else {
                switch policy {
                case .any: break
                case .none: outcome.refusedRedirect = "redirected to \(shown), not followed (\"redirects\": \"none\")"
                case .sameOrigin where Self.origin(of: target) != origin:
                    outcome.refusedRedirect = "redirected to \(shown), another origin, not followed; \"redirects\": \"any\" follows it"
                case .sameOrigin: break
                }
            }
            if outcome.refusedRedirect != nil { return .success(outcome) }
            address = target
        }
    }

    /// Stops the request in flight within about a second (libcurl asks at least that often), and any after it.
    func stop() {
        state.withLock { $0.stopped = true }
    }

    /// libcurl could not be loaded.
    struct LoadFailure: Error {
        let message: String
    }

    /// One request's answer.
    private struct Answer {
        var status: Int?
        var redirect: URL?
        var timedOut = false
        var stopped = false
        var error: String?
    }

    /// One GET, made on a thread of its own since libcurl blocks: a thread created for it, not one of
    /// Dispatch's, whose pool is as wide as the machine has cores (the checks blocked in it held back
    /// every other task of the run, commands included, until they ended).
    private func get(_ url: URL, headers: [String], timeoutMs: Int) async -> Answer {
        state.withLock { $0.body = OutputTail() }
        guard timeoutMs > 0 else { return Answer(timedOut: true) }
        return await withCheckedContinuation { continuation in
            Thread {
                var response = th_response()
                let context = Unmanaged.passUnretained(self).toOpaque()
                let lines = headers.map { strdup($0) }
                defer { lines.forEach { free($0) } }
                lines.map { UnsafePointer($0) }.withUnsafeBufferPointer { list in
                    th_get(url.absoluteString, list.baseAddress, list.count, timeoutMs, { context, bytes, count in
                        let exchange = Unmanaged<HTTPExchange>.fromOpaque(context!).takeUnretainedValue()
                        exchange.state.withLock { $0.body.append(UnsafeRawBufferPointer(start: bytes, count: count)) }
                    }, { context in
                        Unmanaged<HTTPExchange>.fromOpaque(context!).takeUnretainedValue().state.withLock { $0.stopped } ? 1 : 0
                    }, context, &response)
                }
                defer { th_response_free(&response) }
                let error = withUnsafeBytes(of: response.error) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                continuation.resume(returning: Answer(
                    status: response.status == 0 ? nil : response.status,
                    redirect: response.redirect_url.flatMap { URL(string: String(cString: $0)) },
                    timedOut: response.timed_out != 0, stopped: response.stopped != 0,
                    error: error.isEmpty || response.timed_out != 0 ? nil : error))
            }.start()
        }
    }

    /// `scheme://host:port`, lower-cased, with the scheme's default port made explicit.
    static func origin(of url: URL) -> String {
        let scheme = (url.scheme ?? "").lowercased()
        let port = url.port ?? (scheme == "https" ? 443 : 80)
        return "\(scheme)://\((url.host ?? "").lowercased()):\(port)"
    }
}
