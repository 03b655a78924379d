import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Runs an HTTP check: a GET whose status decides completed or failed.
///
/// The timeout bounds the whole attempt, connecting, headers and body
/// together, as it does for commands: a server that accepts and never
/// answers, or sends a byte a second, is stopped at the deadline and the
/// attempt recorded `timeout`. (URLSession's own timeout restarts with every
/// packet.) Credentials in the address are sent as Basic authentication and
/// never shown; header values are filled in from the environment.
struct HTTPChecker: Sendable {
    /// The variables `${NAME}` in header values are taken from.
    var environment: [String: String] = ProcessInfo.processInfo.environment

    func check(_ check: HTTPCheck, timeout: Double) async -> AttemptResult {
        let started = Date()
        var result = AttemptResult(outcome: .failed, startedAt: started, finishedAt: started)
        let shown = CredentialRedaction.url(check.url)
        guard var components = URLComponents(string: check.url), let host = components.host, !host.isEmpty else {
            result.error = "not a URL: \(shown)"
            return result
        }
        let headers: [String: String]
        switch check.filledHeaders(from: environment) {
        case .success(let filled): headers = filled
        case .failure(let problem):
            result.error = problem.message
            return result
        }
        // user:password in the address becomes a Basic Authorization header, and leaves the address.
        let credentials = components.user.map { ($0, components.password ?? "") }
        components.user = nil
        components.password = nil
        guard let url = components.url else {
            result.error = "not a URL: \(shown)"
            return result
        }
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = "GET"
        if let (user, password) = credentials {
            request.setValue("Basic " + Data("\(user):\(password)".utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")
        }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }

        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpShouldSetCookies = false
        let exchange = HTTPExchange(url: url, policy: check.redirects)
        let session = URLSession(configuration: configuration, delegate: exchange, delegateQueue: nil)
        let task = session.dataTask(with: request)
        // The deadline is a dispatch timer, not a sleeping task: it fires on time even when every
        // thread of Swift's cooperative pool is busy, and stops the exchange there and then.
        let deadline = DispatchWorkItem {
            exchange.stop(timedOut: true)
            task.cancel()
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: deadline)
        let outcome = await withTaskCancellationHandler {
            await exchange.run(task)
        } onCancel: {
            exchange.stop(timedOut: false)
            task.cancel()
        }
        deadline.cancel()
        session.invalidateAndCancel()

        result.finishedAt = Date()
        result.stdoutTail = outcome.body.text
        result.httpStatus = outcome.status
        if Task.isCancelled {
            result.outcome = .cancelled
            result.error = "cancelled"
        } else if outcome.timedOut || (outcome.error as? URLError)?.code == .timedOut {
            result.outcome = .timeout
            result.error = "no complete answer within \(CommandRunner.seconds(timeout)) (connecting, headers and body)"
        } else if let error = outcome.error {
            result.error = CredentialRedaction.text("GET \(shown) failed: \(error.localizedDescription)", mentioning: check.url)
        } else if let status = outcome.status, check.expect.contains(status) {
            result.outcome = .completed
        } else {
            let expected = check.expect.sorted().map(String.init).joined(separator: " or ")
            result.error = "HTTP \(outcome.status.map(String.init) ?? "without a status"), expected \(expected)"
                + (outcome.refusedRedirect.map { ": \($0)" } ?? "")
        }
        return result
    }
}
