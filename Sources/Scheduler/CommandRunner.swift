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
/// task. Standard output and error are drained concurrently into 64 KiB tails.
struct CommandRunner: Sendable {
    /// Time between SIGTERM and SIGKILL.
    let grace: Duration
    /// Where command names lead, shared by every task of a run.
    let lookup = ExecutableLookup()

    /// What a timer child reports.
    private enum Child: Sendable {
        case output(OutputTail)
        case error(OutputTail)
        case timer(firedAfter: Bool)
    }

    func run(_ argv: [String], environment: [String: String], workingDirectory: String?, timeout: Double) async -> AttemptResult {
        let started = Date()
        var result = AttemptResult(outcome: .failed, startedAt: started, finishedAt: started)
        var options = PlatformOptions()
        options.processGroupID = 0  // a new group, led by the child
        options.teardownSequence = [
            .send(signal: .terminate, toProcessGroup: true, allowedDurationToNextStep: grace),
            .send(signal: .kill, toProcessGroup: true, allowedDurationToNextStep: .seconds(1)),
        ]
        let searchPath = environment["PATH"] ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard let resolved = lookup.path(of: argv[0], searchPath: searchPath) else {
            result.finishedAt = Date()
            result.exitCode = 127
            result.error = "command not found: \(argv[0])"
            return result
        }
        let executable = Executable.path(FilePath(resolved))
        // Every process of the attempt inherits its id, so that one leaving the group can be found.
        let attemptID = EscapedProcesses.newAttemptID()
        let marked = environment.merging([EscapedProcesses.variable: attemptID]) { $1 }
        // TaskFile has checked the names, so every one makes a key.
        let environment = Environment.inherit.updating(Dictionary(uniqueKeysWithValues: marked.compactMap { name, value in
            Environment.Key(rawValue: name).map { ($0, Optional(value)) }
        }))
        do {
            let execution = try await Subprocess.run(
                executable, arguments: Arguments(Array(argv.dropFirst())), environment: environment,
                workingDirectory: workingDirectory.map { FilePath($0) }, platformOptions: options,
                input: .none, output: .sequence, error: .sequence
            ) { execution in
                await withTaskGroup(of: Child.self) { group -> (OutputTail, OutputTail, Bool) in
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
                    var out = OutputTail(), err = OutputTail(), timedOut = false, streams = 0
                    while let child = await group.next() {
                        switch child {
                        case .output(let tail): out = tail; streams += 1
                        case .error(let tail): err = tail; streams += 1
                        case .timer(let fired): timedOut = fired
                        }
                        // Both streams closed: the process is gone (or closed them); stop the timer.
                        if streams == 2 { group.cancelAll() }
                    }
                    return (out, err, timedOut)
                }
            }
            let (out, err, timedOut) = execution.closureResult
            result.stdoutTail = out.text
            result.stderrTail = err.text
            result.finishedAt = Date()
            switch execution.terminationStatus {
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
                result.error = "timed out after \(Self.seconds(timeout)); process group stopped"
            }
            if Task.isCancelled, result.outcome != .completed {
                result.outcome = .cancelled
                result.error = "cancelled"
            }
            if timedOut || Task.isCancelled {
                // Not cancelled itself, so that it waits its grace period even when the run is being stopped.
                let grace = self.grace
                if let escaped = await Task.detached(operation: { await EscapedProcesses.stop(attemptID: attemptID, grace: grace) }).value {
                    result.error = (result.error ?? "stopped") + ", " + escaped
                }
            }
        } catch let error as SubprocessError {
            result.finishedAt = Date()
            if error.code == .executableNotFound {  // a path that does not exist
                result.exitCode = 127
                result.error = "command not found: \(argv[0])"
            } else if error.code == .failedToChangeWorkingDirectory {
                result.error = "cannot change to working folder \(workingDirectory ?? "")"
            } else {
                result.error = "could not start: \(error)"
            }
            if Task.isCancelled { result.outcome = .cancelled }
        } catch {
            result.finishedAt = Date()
            result.outcome = Task.isCancelled ? .cancelled : .failed
            result.error = Task.isCancelled ? "cancelled" : "\(error)"
        }
        return result
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value))s" : "\(value)s"
    }
}
