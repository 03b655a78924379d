import ArgumentParser
import Charts
import Foundation
import Pipeline
import Report
import Stats

/// `taskreport chart`: one chart as PNG and/or SVG files.
struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Draw one chart of the records to PNG and/or SVG."
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Which chart to draw.")
    var kind: ChartKind

    @Option(help: ArgumentHelp("Write the PNG (drawn at 2x) here.", valueName: "file"))
    var png: String?

    @Option(help: ArgumentHelp("Write the SVG here.", valueName: "file"))
    var svg: String?

    func validate() throws {
        guard png != nil || svg != nil else { throw ValidationError("Give --png FILE, --svg FILE or both.") }
    }

    func run() throws {
        ReportSignals.install()
        let chart = try ChartJob(kind: kind, inputs: input.inputs, loader: input.loader, scope: input.scope).run()
        let renderer = ChartRenderer()
        if let png { try write(renderer.png(chart), to: png) }
        if let svg { try write(Array(renderer.svg(chart, name: kind.rawValue).utf8), to: svg) }
    }

    private func write(_ bytes: [UInt8], to path: String) throws {
        do {
            try AtomicFile.write(bytes, to: path)
        } catch {
            throw CommandFailure(message: "\(path): cannot write the chart: \(error.reason)")
        }
    }
}

extension ChartKind: ExpressibleByArgument {}
