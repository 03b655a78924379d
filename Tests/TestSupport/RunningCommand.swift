import Foundation

/// The built `taskreport` started as a process that a test can signal while it runs.
public final class RunningCommand {
    private let process = Process()
    private let errorPipe = Pipe()

    /// Starts `taskreport` with `arguments`; its standard output is discarded.
    public init(_ arguments: [String]) throws {
        process.executableURL = CommandRun.executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errorPipe
        try process.run()
    }

    /// Waits until `condition` holds (polled every 10 ms), at most `seconds`; returns whether it did.
    @discardableResult
    public func wait(upTo seconds: Double, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(10_000)
        }
        return condition()
    }

    /// Sends `signal` and waits for the process to end.
    /// - Returns: Its exit status (128 + the signal when a signal ended it), standard error, and the seconds it took to end.
    public func stop(with signal: Int32) -> (status: Int32, standardError: String, seconds: Double) {
        let start = Date()
        kill(process.processIdentifier, signal)
        let error = errorPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return (status, String(decoding: error, as: UTF8.self), Date().timeIntervalSince(start))
    }
}
