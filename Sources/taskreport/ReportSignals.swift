import Dispatch
import Foundation
import Report
import Synchronization

/// Stops a command that reads records or writes a report on SIGINT, SIGTERM or
/// SIGHUP: at once, with exit code 130, removing its staging folders first (a
/// report being put in place finishes that, or undoes it, within milliseconds).
/// A long SQL query or a large input stops as promptly, since nothing is
/// waited for but a commit.
enum ReportSignals {
    /// The signal sources, kept for the life of the process.
    private static let sources = Mutex<[any DispatchSourceSignal]>([])

    /// A queue of its own (serial queues overcommit): the global queues' threads may all be busy
    /// writing the report's files (`concurrentPerform`), and the handler must not wait for them.
    private static let queue = DispatchQueue(label: "taskreport.signals", qos: .userInteractive)

    /// Starts handling the signals; from here on they stop the process as described. Idempotent.
    static func install() {
        sources.withLock { sources in
            guard sources.isEmpty else { return }
            for number in [SIGINT, SIGTERM, SIGHUP] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler {
                    StagingCleanup.abandon()
                    ExitReport.warn("interrupted")
                    _exit(130)
                }
                source.resume()
                sources.append(source)
            }
        }
    }
}
