import Foundation

/// Runs an HTTP check: a GET whose status decides completed or failed.
///
/// The timeout bounds the whole attempt, connecting, headers and body
/// together, as it does for commands: a server that accepts and never
/// answers, or sends a byte a second, is stopped at the deadline and the
/// attempt recorded `timeout`; each redirect followed gets what is left.
/// Credentials in the address are sent as Basic authentication, to the
/// address's own origin only, and never shown; header values are filled in
/// from the environment.
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
        let authorization = credentials.map { user, password in
            "Authorization: Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
        }
        let lines = headers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        let exchange = HTTPExchange(policy: check.redirects)
        let answer = await withTaskCancellationHandler {
            await exchange.run(url: url, headers: lines, authorization: authorization,
                               deadline: started.addingTimeInterval(timeout))
        } onCancel: {
            exchange.stop()
        }
        let outcome: HTTPExchange.Outcome
        switch answer {
        case .success(let learnt): outcome = learnt
        case .failure(let problem):
            result.finishedAt = Date()
            result.error = problem.message
            return result
        }

        result.finishedAt = Date()
        result.stdoutTail = outcome.body.text
        result.httpStatus = outcome.status
        if Task.isCancelled {
            result.outcome = .cancelled
            result.error = "cancelled"
        } else if outcome.timedOut {
            result.outcome = .timeout
            result.error = "no complete answer within \(CommandRunner.seconds(timeout)) (connecting, headers and body)"
        } else if let error = outcome.error {
            result.error = CredentialRedaction.text("GET \(shown) failed: \(error)", mentioning: check.url)
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
