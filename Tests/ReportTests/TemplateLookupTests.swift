import Testing

@testable import Report

/// The rows that look their fields up in a switch agree with reflection, field for field.
@Suite("template lookups without reflection")
struct TemplateLookupTests {
    /// Every field of `row` by reflection, with what `child(named:)` gives for its name.
    static func pairs(_ row: some TemplateObject) -> [(label: String, reflected: String, looked: String?)] {
        Mirror(reflecting: row).children.map { child in
            let label = child.label ?? ""
            return (label, String(describing: child.value), row.child(named: label).map { String(describing: $0) })
        }
    }

    @Test("the table of every task: each field by its name, and nothing else")
    func taskListRow() {
        var counter = 0
        func text() -> HTMLText {
            counter += 1
            return HTMLText("v\(counter)")
        }
        let row = ReportPage.TaskListRow(
            mark: text(), status: text(), kind: text(), color: text(), name: text(), id: text(), group: text(),
            duration: text(), durationSort: text(), attempts: text(), started: text(), startedSort: text(),
            failureLink: text(), severitySort: text())
        let pairs = Self.pairs(row)
        #expect(pairs.count == 14)
        for pair in pairs { #expect(pair.looked == pair.reflected, "\(pair.label)") }
        #expect(row.child(named: "missing") == nil)
        #expect(row.pageBytes == PageList.reflectedSize(of: row) && row.pageBytes > 0)
    }

    @Test("the grid's rows and cells: their sizes agree with reflection")
    func gridSizes() {
        let cells = (1...3).map { i in
            ReportPage.GridCell(mark: HTMLText("✗"), kind: HTMLText("failed"), color: HTMLText("#d64545"),
                                text: HTMLText("r\(i): <failed> · \(i)s"), ran: i != 2)
        }
        let row = ReportPage.GridRow(name: HTMLText("a & b"), group: HTMLText("g"), failures: HTMLText("2"), cells: cells)
        #expect(row.pageBytes == PageList.reflectedSize(of: row) && row.pageBytes > cells[0].pageBytes * 3)
        for cell in cells { #expect(cell.pageBytes == PageList.reflectedSize(of: cell)) }
    }

    @Test("the grid's cells: each field by its name, and nothing else")
    func gridCell() {
        for ran in [true, false] {
            let cell = ReportPage.GridCell(mark: HTMLText("✗"), kind: HTMLText("failed"), color: HTMLText("#d64545"),
                                           text: HTMLText("r1: failed · 2s"), ran: ran)
            for pair in Self.pairs(cell) { #expect(pair.looked == pair.reflected, "\(pair.label)") }
            #expect(cell.child(named: "cells") == nil)
        }
    }
}
