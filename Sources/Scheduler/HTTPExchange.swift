import Foundation
import Synchronization

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One GET in flight, told by URLSession's delegate calls: its status, the
/// tail of its body, and whether to follow each redirect. It finishes once,
/// whether the answer is complete, the request failed, or the deadline or a
/// cancellation stopped it.
final class HTTPExchange: NSObject, URLSessionDataDelegate, Sendable {
    /// What the exchange learnt.
    struct Outcome: Sendable {
        var status: Int?
        var body = OutputTail()
        var error: (any Error)?
        /// A redirect that was not followed, and why, for the record.
        var refusedRedirect: String?
        var timedOut = false
    }

    private struct State {
        var outcome = Outcome()
        var redirects = 0
        var finished = false
        var continuation: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())
    private let origin: String
    private let policy: HTTPCheck.Redirects

    /// An exchange for a request to `url`, following redirects as `policy` says.
    init(url: URL, policy: HTTPCheck.Redirects) {
        origin = Self.origin(of: url)
        self.policy = policy
    }

    /// Starts `task` and returns when the exchange is over: answered, failed, or stopped by ``stop(timedOut:)``.
    func run(_ task: URLSessionDataTask) async -> Outcome {
        await withCheckedContinuation { continuation in
            let done = state.withLock { state -> Bool in
                guard !state.finished else { return true }
                state.continuation = continuation
                return false
            }
            if done { continuation.resume() } else { task.resume() }
        }
        return state.withLock { $0.outcome }
    }

    /// Ends the exchange now, before its answer is complete (the caller cancels the task).
    func stop(timedOut: Bool) {
        finish { $0.timedOut = timedOut }
    }

    // MARK: URLSession's calls

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        state.withLock { $0.outcome.status = (response as? HTTPURLResponse)?.statusCode }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        state.withLock { state in data.withUnsafeBytes { state.outcome.body.append($0) } }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        let target = request.url.map { CredentialRedaction.url($0.absoluteString) } ?? "?"
        let refusal = state.withLock { state -> String? in
            state.redirects += 1
            if state.redirects > HTTPCheck.maximumRedirects {
                return "more than \(HTTPCheck.maximumRedirects) redirects; the last, to \(target), was not followed"
            }
            switch policy {
            case .any: return nil
            case .none: return "redirected to \(target), not followed (\"redirects\": \"none\")"
            case .sameOrigin:
                guard let url = request.url, Self.origin(of: url) != origin else { return nil }
                return "redirected to \(target), another origin, not followed; \"redirects\": \"any\" follows it"
            }
        }
        if let refusal { state.withLock { $0.outcome.refusedRedirect = refusal } }
        completionHandler(refusal == nil ? request : nil)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        finish { $0.error = error }
    }

    /// Marks the exchange over (once) and lets ``run(_:)`` return.
    private func finish(_ record: (inout Outcome) -> Void) {
        let continuation = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard !state.finished else { return nil }
            state.finished = true
            record(&state.outcome)
            defer { state.continuation = nil }
            return state.continuation
        }
        continuation?.resume()
    }

    /// `scheme://host:port`, lower-cased, with the scheme's default port made explicit.
    static func origin(of url: URL) -> String {
        let scheme = (url.scheme ?? "").lowercased()
        let port = url.port ?? (scheme == "https" ? 443 : 80)
        return "\(scheme)://\((url.host ?? "").lowercased()):\(port)"
    }
}
