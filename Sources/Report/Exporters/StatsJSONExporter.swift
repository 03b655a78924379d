import Foundation
import Stats

/// `stats.json`: the statistics with a versioned envelope (schema documented in the README).
public struct StatsJSONExporter: ReportExporter {
    /// The version of the file's layout; bumped on any incompatible change.
    public static let schemaVersion = 1

    /// Creates the exporter.
    public init() {}

    public func files(for document: ReportDocument) throws(ReportError) -> [ReportFile] {
        [ReportFile(path: "stats.json", bytes: try Self.encode(document))]
    }

    /// The JSON bytes, keys sorted and snake_case, so equal documents give equal files.
    public static func encode(_ document: ReportDocument) throws(ReportError) -> [UInt8] {
        let envelope = Envelope(
            schema: schemaVersion, generator: .init(name: "taskreport", version: document.toolVersion),
            generatedAt: document.generatedAtText, title: document.title, inputs: document.inputs,
            baseline: document.baseline, statistics: document.statistics, gates: document.gates)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        do {
            return Array(try encoder.encode(envelope)) + [0x0A]
        } catch {
            throw .cannotWrite(path: "stats.json", reason: "\(error)")
        }
    }

    private struct Envelope: Encodable {
        struct Generator: Encodable {
            var name: String
            var version: String
        }
        var schema: Int
        var generator: Generator
        var generatedAt: String
        var title: String
        var inputs: [String]
        var baseline: String?
        var statistics: TaskStatistics
        var gates: [GateResult]
    }
}
