import Stats
import Testing
import TestSupport

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

    /// Every ``TemplateObject`` in `value`: itself, and those in its fields, lists and optionals, at any depth.
    static func objects(in value: Any) -> [any TemplateObject] {
        let inner = Mirror(reflecting: value).children.flatMap { objects(in: $0.value) }
        return (value as? any TemplateObject).map { [$0] + inner } ?? inner
    }

    /// What an optional holds (nil when nothing); any other value as it is.
    static func held(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        return mirror.displayStyle == .optional ? mirror.children.first.map { held($0.value) } ?? nil : value
    }

    @Test("every object of a page finds each field by its name where reflection does, and nothing else")
    func everyObjectOfAPage() throws {
        var b = TableBuilder()
        for run in ["r1", "r2", "r3"] {
            b.add(status: "completed", group: "build", durationMs: 5, startedAt: 100, run: run, id: "compile")
            b.add(status: run == "r2" ? "completed" : "failed", durationMs: 8, startedAt: 101, error: "boom",
                  run: run, id: "test")
        }
        let table = b.table
        let page = ReportPage(ReportDocument(
            title: "t", inputs: ["in.jsonl"], records: table, statistics: TaskStatistics(table: table), toolVersion: "test"))
        let objects = Self.objects(in: page)
        let types = Set(objects.map { ObjectIdentifier(type(of: $0)) })
        #expect(types.count >= 10, "the page, its rows and their cells")
        // Each type twice or more, so that the places found for its first object serve the others.
        #expect(objects.count > types.count)
        for object in objects {
            for child in Mirror(reflecting: object).children {
                let label = try #require(child.label)
                let looked = object.child(named: label).map { String(describing: $0) }
                #expect(looked == Self.held(child.value).map { String(describing: $0) }, "\(type(of: object)).\(label)")
            }
            #expect(object.child(named: "noSuchField") == nil)
        }
    }
}
