import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Runs an HTTP check: a GET whose status decides completed or failed.
struct HTTPChecker: Sendable {
    func check(url: String, expect: Set<Int>, timeout: Double) async -> AttemptResult {
        let started = Date()
        var result = AttemptResult(outcome: .failed, startedAt: started, finishedAt: started)
        guard let address = URL(string: url) else {
            result.error = "not a URL: \(url)"
            return result
        }
        var request = URLRequest(url: address, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = "GET"
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        do {
            let (body, response) = try await session.data(for: request)
            result.finishedAt = Date()
            var tail = OutputTail()
            body.withUnsafeBytes { tail.append($0) }
            result.stdoutTail = tail.text
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            result.httpStatus = status
            if expect.contains(status) {
                result.outcome = .completed
            } else {
                result.error = "HTTP \(status), expected \(expect.sorted().map(String.init).joined(separator: " or "))"
            }
        } catch {
            result.finishedAt = Date()
            if Task.isCancelled {
                result.outcome = .cancelled
                result.error = "cancelled"
            } else if (error as? URLError)?.code == .timedOut {
                result.outcome = .timeout
                result.error = "no answer within \(CommandRunner.seconds(timeout))"
            } else {
                result.error = "GET \(url) failed: \(error.localizedDescription)"
            }
        }
        return result
    }
}
