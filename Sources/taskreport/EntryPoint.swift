import ArgumentParser
import Foundation
import Ingest
import Pipeline
import Report

/// Parses the command line, runs the command, and turns every failure into one
/// line on standard error and an exit code: 0 success, 2 bad input or usage,
/// 1 anything else (`run`: 1 when a task did not complete, 130 when stopped).
@main
enum EntryPoint {
    static func main() async {
        do {
            let command = try TaskReport.parseAsRoot()
            try await run(command)
        } catch let error as ExitCode {
            exit(error.rawValue)
        } catch let error as PipelineError {
            ExitReport.fail(error.description, code: exitCode(of: error))
        } catch let error as IngestError {
            ExitReport.fail(error.description, code: error.isBadInput ? 2 : 1)
        } catch let error as ReportError {
            ExitReport.fail(error.description, code: exitCode(of: .report(error)))
        } catch let error as CommandFailure {
            ExitReport.fail(error.message, code: 1)
        } catch {
            ExitReport.argumentParser(error)
        }
    }

    /// 2 when the input, the task file or the command line is at fault, 130 when a signal
    /// stopped the report, 1 for anything else (a folder that cannot be written, a lock).
    static func exitCode(of error: PipelineError) -> Int32 {
        switch error {
        case .input(let error): error.isBadInput ? 2 : 1
        case .report(.interrupted): 130
        case .report(let error): error.isBadInput ? 2 : 1
        case .taskFile: 2
        case .store(let error): error.isBadInput ? 2 : 1
        }
    }

    /// Runs `command`, awaiting it when it is asynchronous.
    private static func run(_ command: any ParsableCommand) async throws {
        if var asynchronous = command as? any AsyncParsableCommand {
            try await runAsync(&asynchronous)
        } else {
            var synchronous = command
            try synchronous.run()
        }
    }

    private static func runAsync<Command: AsyncParsableCommand>(_ command: inout Command) async throws {
        try await command.run()
    }
}
