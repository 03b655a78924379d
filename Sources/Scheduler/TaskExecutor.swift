import Foundation
import Store

/// Runs one task to its end: attempts, and retries with exponential backoff and jitter.
struct TaskExecutor: Sendable {
    let commands: CommandRunner
    let http = HTTPChecker()

    /// The longest wait between attempts, whatever the backoff says.
    static let maximumRetryDelay = 300.0

    func execute(_ task: TaskSpec) async -> TaskRecord {
        var attempts: [AttemptRecord] = []
        for number in 1...(task.retries + 1) {
            let result = await attempt(task, number: number)
            attempts.append(AttemptRecord(
                number: number, status: result.outcome, startedAt: result.startedAt, finishedAt: result.finishedAt,
                exitCode: result.exitCode, httpStatus: result.httpStatus, error: result.error,
                stdoutTail: result.stdoutTail, stderrTail: result.stderrTail))
            if result.outcome == .completed || result.outcome == .cancelled || number > task.retries { break }
            do {
                try await Task.sleep(for: .seconds(Self.backoff(after: number, base: task.retryDelay)))
            } catch {
                break  // cancelled while waiting to retry
            }
        }
        var status = attempts.last!.status
        if Task.isCancelled, status != .completed { status = .cancelled }
        return TaskRecord(id: task.id, name: task.name, group: task.group, status: status, attempts: attempts)
    }

    /// Variables every process of a task sees besides its own `env`.
    static func environment(for task: TaskSpec, attempt: Int) -> [String: String] {
        task.environment.merging(["TASKREPORT_TASK_ID": task.id, "TASKREPORT_ATTEMPT": String(attempt)]) { $1 }
    }

    private func attempt(_ task: TaskSpec, number: Int) async -> AttemptResult {
        let environment = Self.environment(for: task, attempt: number)
        switch task.kind {
        case .command(let argv):
            return await commands.run(argv, environment: environment, workingDirectory: task.workingDirectory, timeout: task.timeout)
        case .shell(let line):
            return await commands.run(["/bin/sh", "-c", line], environment: environment,
                               workingDirectory: task.workingDirectory, timeout: task.timeout)
        case .http(let check):
            return await http.check(check, timeout: task.timeout)
        }
    }

    /// `base × 2^(attempt−1)`, times a random factor in [0.5, 1.5) so that retries of
    /// many tasks do not hit a shared service in step; at most ``maximumRetryDelay``.
    static func backoff(after attempt: Int, base: Double) -> Double {
        let exponential = base * pow(2, Double(attempt - 1))
        return min(exponential * Double.random(in: 0.5..<1.5), maximumRetryDelay)
    }
}
