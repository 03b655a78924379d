import Foundation
import Stats

/// `stats.json`: the statistics with a versioned envelope (schema documented in the README).
public struct StatsJSONExporter: ReportExporter {
    /// The version of the file's layout; bumped on any incompatible change.
    public static let schemaVersion = 2

    public init() {}

    public func files(for document: ReportDocument) throws(ReportError) -> [ReportFile] {
        [ReportFile(path: "stats.json", bytes: try Self.encode(document))]
    }

    /// The JSON bytes, keys sorted and snake_case, so equal documents give equal files.
    public static func encode(_ document: ReportDocument) throws(ReportError) -> [UInt8] {
        let envelope = Envelope(
            schema: schemaVersion, generator: .init(name: "taskreport", version: document.toolVersion),
            generatedAt: document.generatedAtText, title: document.title, inputs: document.inputs,
            baseline: document.baseline, history: document.history, statistics: document.statistics, gates: document.gates)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        do {
            return visibleControls(Array(try encoder.encode(envelope))) + [0x0A]
        } catch {
            throw .cannotWrite(path: "stats.json", reason: "\(error)")
        }
    }

    /// JSON text with DEL, the C1 controls and U+2028/U+2029 written as `\u` escapes.
    ///
    /// JSONEncoder escapes only what JSON requires (below U+0020), so a C1
    /// control such as CSI (U+009B) would reach a terminal that prints the
    /// file raw. JSON's structure is ASCII, so these bytes occur only inside
    /// strings, where an escape means the same character.
    static func visibleControls(_ json: [UInt8]) -> [UInt8] {
        guard json.contains(where: { $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) else { return json }
        var result: [UInt8] = []
        result.reserveCapacity(json.count + 64)
        func escape(_ value: UInt32) { JSONString.appendEscape(value, to: &result) }
        var i = 0
        while i < json.count {
            let byte = json[i]
            if byte == 0x7F {
                escape(0x7F)
            } else if byte == 0xC2, i + 1 < json.count, (0x80...0x9F).contains(json[i + 1]) {
                escape(UInt32(json[i + 1]))
                i += 1
            } else if byte == 0xE2, i + 2 < json.count, json[i + 1] == 0x80, json[i + 2] == 0xA8 || json[i + 2] == 0xA9 {
                escape(0x2028 + UInt32(json[i + 2] - 0xA8))
                i += 2
            } else {
                result.append(byte)
            }
            i += 1
        }
        return result
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
        var history: String?
        var statistics: TaskStatistics
        var gates: [GateResult]
    }
}
