import Foundation

/// The outcome of running the built `taskreport` binary as a real process.
public struct CommandRun {
    public let status: Int32
    public let standardOutput: String
    public let standardError: String

    /// The binary `swift build` put beside the test bundle.
    public static let executable: URL = {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return exe.deletingLastPathComponent().appendingPathComponent("taskreport")
    }()

    /// Runs `taskreport` with `arguments` in `directory`, feeding `input` on standard input,
    /// with `environment` added to this process's.
    public static func taskreport(
        _ arguments: [String], in directory: URL? = nil, input: Data? = nil, environment: [String: String] = [:]
    ) throws -> CommandRun {
        try run(executable, arguments, in: directory, input: input, environment: environment)
    }

    /// Runs a program found on `PATH` (`python3`, `xmllint`), for checks made by other tools.
    public static func tool(_ name: String, _ arguments: [String]) throws -> CommandRun {
        try run(URL(fileURLWithPath: "/usr/bin/env"), [name] + arguments)
    }

    /// Runs `program` with `arguments` in `directory`, feeding `input` on standard input.
    public static func run(
        _ program: URL, _ arguments: [String], in directory: URL? = nil, input: Data? = nil, environment: [String: String] = [:]
    ) throws -> CommandRun {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(input) }
        try stdin.fileHandleForWriting.close()
        // Read to the end before waiting. The programs run here write little to
        // standard error, so reading standard output first cannot stall the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandRun(
            status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self))
    }
}
