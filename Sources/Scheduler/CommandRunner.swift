import Foundation
import Subprocess

#if canImport(System)
import System
#else
import SystemPackage
#endif

/// Runs a command or shell line as a real process in a process group of its own.
///
/// On timeout, and when the run is cancelled (Ctrl-C), the whole group gets
/// SIGTERM, then SIGKILL after `grace`, so that no grandchild outlives its
/// task; processes that left the group are found and stopped too
/// (``EscapedProcesses``). Standard output and error are drained concurrently
/// into 64 KiB tails.
struct CommandRunner: Sendable {
    /// Time between SIGTERM and SIGKILL.
    let grace: Duration
    /// Where command names lead, shared by every task of a run.
    let lookup = ExecutableLookup()

    /// What one child of an attempt's task group reports.
    private enum Child: Sendable {
        case output(OutputTail)
        case error(OutputTail)
        case timer(firedAfter: Bool)
    }

    /// What the process left behind: its two tails and whether the timeout stopped it.
    private struct Streams: Sendable {
        var output = OutputTail()
        var error = OutputTail()
        var timedOut = false
    }

    func run(_ argv: [String], environment: [String: String], workingDirectory: String?, timeout: Double) async -> AttemptResult {
        let started = Date()
        var result = AttemptResult(outcome: .failed, startedAt: started, finishedAt: started)
        let searchPath = environment["PATH"] ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard let resolved = lookup.path(of: argv[0], searchPath: searchPath) else {
            result.finishedAt = Date()
            result.exitCode = 127
            result.error = "command not found: \(argv[0])"
            return result
        }
        // Every process of the attempt inherits its id, so that one leaving the group can be found.
        let attemptID = EscapedProcesses.newAttemptID()
        do {
            let execution = try await Subprocess.run(
                .path(FilePath(resolved)), arguments: Arguments(Array(argv.dropFirst())),
                environment: Self.environment(environment, attemptID: attemptID),
                workingDirectory: workingDirectory.map { FilePath($0) }, platformOptions: processGroupOptions(),
                input: .none, output: .sequence, error: .sequence
            ) { execution in await drain(execution, timeout: timeout) }
            let streams = execution.closureResult
            result.stdoutTail = streams.output.text
            result.stderrTail = streams.error.text
            result.finishedAt = Date()
            Self.record(execution.terminationStatus, timedOut: streams.timedOut, timeout: timeout, in: &result)
            if streams.timedOut || Task.isCancelled { await stopEscaped(attemptID, in: &result) }
        } catch {
            result.finishedAt = Date()
            Self.recordFailureToStart(error, argv: argv, workingDirectory: workingDirectory, in: &result)
        }
        return result
    }

    /// A new process group led by the child, stopped with SIGTERM then SIGKILL when the run is cancelled.
    private func processGroupOptions() -> PlatformOptions {
        var options = PlatformOptions()
        options.processGroupID = 0
        options.teardownSequence = [
            .send(signal: .terminate, toProcessGroup: true, allowedDurationToNextStep: grace),
            .send(signal: .kill, toProcessGroup: true, allowedDurationToNextStep: .seconds(1)),
        ]
        return options
    }

    /// The scheduler's environment with the task's variables and the attempt's id over it.
    private static func environment(_ variables: [String: String], attemptID: String) -> Environment {
        let marked = variables.merging([EscapedProcesses.variable: attemptID]) { $1 }
        // TaskFile has checked the names, so every one makes a key.
        return Environment.inherit.updating(Dictionary(uniqueKeysWithValues: marked.compactMap { name, value in
            Environment.Key(rawValue: name).map { ($0, Optional(value)) }
        }))
    }

    /// Drains both output streams while a timer stops the process group at the timeout.
    private func drain(_ execution: Execution<NoInput, SequenceOutput, SequenceOutput>, timeout: Double) async -> Streams {
        await withTaskGroup(of: Child.self) { group -> Streams in
            group.addTask {
                var tail = OutputTail()
                do { for try await chunk in execution.standardOutput { chunk.withUnsafeBytes { tail.append($0) } } } catch {}
                return .output(tail)
            }
            group.addTask {
                var tail = OutputTail()
                do { for try await chunk in execution.standardError { chunk.withUnsafeBytes { tail.append($0) } } } catch {}
                return .error(tail)
            }
            group.addTask {
                do { try await Task.sleep(for: .seconds(timeout)) } catch { return .timer(firedAfter: false) }
                try? execution.send(signal: .terminate, toProcessGroup: true)
                do { try await Task.sleep(for: grace) } catch { return .timer(firedAfter: true) }
                try? execution.send(signal: .kill, toProcessGroup: true)
                return .timer(firedAfter: true)
            }
            var streams = Streams(), closed = 0
            while let child = await group.next() {
                switch child {
                case .output(let tail): streams.output = tail; closed += 1
                case .error(let tail): streams.error = tail; closed += 1
                case .timer(let fired): streams.timedOut = fired
                }
                // Both streams closed: the process is gone (or closed them); stop the timer.
                if closed == 2 { group.cancelAll() }
            }
            return streams
        }
    }

    /// The outcome told by how the process ended, the timeout and cancellation.
    private static func record(
        _ termination: TerminationStatus, timedOut: Bool, timeout: Double, in result: inout AttemptResult
    ) {
        switch termination {
        case .exited(let code):
            result.exitCode = Int(code)
            result.outcome = code == 0 ? .completed : .failed
            if code != 0 { result.error = "exit status \(code)" }
        case .signaled(let signal):
            result.outcome = .failed
            result.error = "killed by signal \(signal)"
        }
        if timedOut {
            result.outcome = .timeout
            result.error = "timed out after \(seconds(timeout)); process group stopped"
        }
        if Task.isCancelled, result.outcome != .completed {
            result.outcome = .cancelled
            result.error = "cancelled"
        }
    }

    /// Stops the processes that left the group, naming them in the record.
    private func stopEscaped(_ attemptID: String, in result: inout AttemptResult) async {
        // Not cancelled itself, so that it waits its grace period even when the run is being stopped.
        let grace = self.grace
        if let escaped = await Task.detached(operation: { await EscapedProcesses.stop(attemptID: attemptID, grace: grace) }).value {
            result.error = (result.error ?? "stopped") + ", " + escaped
        }
    }

    /// The record of a process that could not be started.
    private static func recordFailureToStart(
        _ error: any Error, argv: [String], workingDirectory: String?, in result: inout AttemptResult
    ) {
        result.outcome = Task.isCancelled ? .cancelled : .failed
        switch (error as? SubprocessError)?.code {
        case .executableNotFound?:  // a path that does not exist
            result.exitCode = 127
            result.error = "command not found: \(argv[0])"
        case .failedToChangeWorkingDirectory?:
            result.error = "cannot change to working folder \(workingDirectory ?? "")"
        case _ where Task.isCancelled:
            result.error = "cancelled"
        default:
            result.error = "could not start: \(error)"
        }
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value))s" : "\(value)s"
    }
}
