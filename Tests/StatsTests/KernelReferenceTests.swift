import Foundation
import Testing
import TestSupport

@testable import Stats

/// One case of `Tests/Fixtures/stats-cases.json`, computed by numpy.
struct ReferenceCase: Decodable, CustomTestStringConvertible {
    let name: String
    let values: [Double]
    let quantiles: [Double]
    let percentiles: [Double]
    let mean: Double
    let stddev: Double
    let min: Double
    let max: Double
    let sum: Double
    let histogram_counts: [UInt64]
    let histogram_edges: [Double]

    var testDescription: String { name }

    static let all: [ReferenceCase] = {
        struct File: Decodable { let cases: [ReferenceCase] }
        let data = try! Fixtures.data("stats-cases.json")
        return try! JSONDecoder().decode(File.self, from: data).cases
    }()
}

/// |a - b| within `relative` of the larger magnitude (or of 1 near zero).
func close(_ a: Double, _ b: Double, relative: Double) -> Bool {
    abs(a - b) <= relative * Swift.max(abs(a), abs(b), 1e-300) || a == b
}

@Suite("the C kernel agrees with numpy")
struct KernelReferenceTests {
    @Test("percentiles match numpy's linear interpolation", arguments: ReferenceCase.all)
    func percentiles(_ reference: ReferenceCase) {
        var values = reference.values
        let got = StatsKernel.percentiles(&values, quantiles: reference.quantiles)
        for (q, (mine, numpy)) in zip(reference.quantiles, zip(got, reference.percentiles)) {
            #expect(close(mine, numpy, relative: 1e-12), "q=\(q): kernel \(mine), numpy \(numpy)")
        }
    }

    @Test("percentiles of a range of an array match numpy's for that range, and leave the rest as it was",
          arguments: ReferenceCase.all)
    func percentilesInRange(_ reference: ReferenceCase) {
        let before: [Double] = [1e300, -1e300, .nan], after: [Double] = [-0.0, 7, .infinity]
        var values = before + reference.values + after
        let range = before.count..<(before.count + reference.values.count)
        let got = StatsKernel.percentiles(&values, in: range, quantiles: reference.quantiles)
        for (q, (mine, numpy)) in zip(reference.quantiles, zip(got, reference.percentiles)) {
            #expect(close(mine, numpy, relative: 1e-12), "q=\(q): kernel \(mine), numpy \(numpy)")
        }
        #expect(values[..<range.lowerBound].elementsEqual(before) { $0 == $1 || ($0.isNaN && $1.isNaN) })
        #expect(values[range.upperBound...].elementsEqual(after) { $0 == $1 || ($0.isNaN && $1.isNaN) })
    }

    @Test("percentiles do not depend on the order they are asked in", arguments: ReferenceCase.all)
    func percentileOrder(_ reference: ReferenceCase) {
        var values = reference.values.shuffled()
        let reversed = Array(reference.quantiles.reversed())
        let got = StatsKernel.percentiles(&values, quantiles: reversed)
        #expect(zip(got, reference.percentiles.reversed()).allSatisfy { close($0, $1, relative: 1e-12) })
    }

    @Test("summary matches numpy (mean, sample std dev, min, max, sum)", arguments: ReferenceCase.all)
    func summary(_ reference: ReferenceCase) {
        let s = StatsKernel.summarize(reference.values)
        #expect(s.count == reference.values.count)
        #expect(s.min == reference.min)
        #expect(s.max == reference.max)
        #expect(close(s.mean, reference.mean, relative: 1e-12))
        #expect(close(s.sum, reference.sum, relative: 1e-12))
        // The large-offset case is where a one-pass variance loses every digit.
        #expect(close(s.stddev, reference.stddev, relative: 1e-9), "std dev \(s.stddev) vs numpy \(reference.stddev)")
    }

    @Test("equal-width histogram matches numpy.histogram", arguments: ReferenceCase.all)
    func linearHistogram(_ reference: ReferenceCase) {
        let low = reference.histogram_edges.first!, high = reference.histogram_edges.last!
        let (edges, counts) = StatsKernel.histogram(reference.values, scale: .linear, low: low, high: high, bins: 20)
        #expect(counts == reference.histogram_counts)
        #expect(zip(edges, reference.histogram_edges).allSatisfy { close($0, $1, relative: 1e-12) })
    }
}
