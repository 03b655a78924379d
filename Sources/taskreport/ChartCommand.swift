import ArgumentParser
import Charts
import Foundation
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
        let chart = kind.chart(for: try input.statistics())
        let renderer = ChartRenderer()
        if let png { try write(renderer.png(chart), to: png) }
        if let svg { try write(Array(renderer.svg(chart, name: kind.rawValue).utf8), to: svg) }
    }

    private func write(_ bytes: [UInt8], to path: String) throws {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandFailure(message: "\(path): cannot write: \((error as NSError).localizedFailureReason ?? "\(error)")")
        }
    }
}

extension ChartKind: ExpressibleByArgument {}
