import Testing
@testable import TerminalUI

@Suite struct TableTests {
    let columns = [
        TableColumn("Namn"),
        TableColumn("Ålder", width: .length(7), alignment: .right),
        TableColumn("Enhet", width: .length(6)),
    ]
    let rows = [
        ["Åsa Öberg", "42", "Örebro"],
        ["Björn Ärlig", "7", "Kumla"],
        ["Li 日本", "103", "Hallsberg"],
        ["Märta", "88", "Lindesberg"],
    ]

    @Test func headerRowsAndSelection() {
        let t = Table(columns: columns, rows: rows, state: ListState(selected: 1), sortColumn: 1)
        let b = rendered(t, width: 26, height: 5)
        #expect(b.lines == [
            "Namn        Ålder ▲ Enhet ",
            "Åsa Öberg        42 Örebro",
            "Björn Ärlig       7 Kumla ",
            "Li 日本         103 Halls…",
            "Märta            88 Linde…",
        ])
        #expect(roles(b, row: 0).allSatisfy { $0 == .header })
        #expect(roles(b, row: 2).allSatisfy { $0 == .selection })
        #expect(roles(b, row: 1).allSatisfy { $0 == .text })
    }

    @Test func descendingAndAsciiMarkers() {
        let down = rendered(Table(columns: columns, rows: [[String]](), sortColumn: 0, sortAscending: false), width: 26, height: 1)
        #expect(down.lines == ["Namn ▼        Ålder Enhet "])
        let ascii = rendered(Table(columns: columns, rows: [[String]](), sortColumn: 2, glyphs: .ascii), width: 26, height: 1)
        #expect(ascii.lines == ["Namn          Ålder Enh… ^"])
    }

    @Test func markerSurvivesANarrowColumn() {
        let cols = [TableColumn("Vårdcentral", width: .length(1)), TableColumn("X", width: .length(3))]
        let b = rendered(Table(columns: cols, rows: [[String]](), sortColumn: 0), width: 5, height: 1)
        #expect(b.lines == ["▲ X  "])
    }

    @Test func scrollsToTheSelection() {
        let t = Table(columns: columns, rows: rows, state: ListState(selected: 3))
        let b = rendered(t, width: 26, height: 3)
        #expect(b.lines == [
            "Namn          Ålder Enhet ",
            "Li 日本         103 Halls…",
            "Märta            88 Linde…",
        ])
        #expect(b[0, 2].role == .selection)
        #expect(Table.visibleRows(in: Rect(width: 26, height: 3)) == 2)
    }

    @Test func rowStylesTintPlainCells() {
        let cells: [[TextLine]] = [
            [TextLine("Åsa"), TextLine("3 d", .role(.warning))],
            [TextLine("Örjan"), TextLine("12 d")],
        ]
        let cols = [TableColumn("Namn", width: .length(5)), TableColumn("Väntat", width: .length(6))]
        let t = Table(columns: cols, rows: cells, state: ListState(selected: 1), rowStyles: [.role(.danger)])
        let b = rendered(t, width: 12, height: 3)
        #expect(b.lines == ["Namn  Väntat", "Åsa   3 d   ", "Örjan 12 d  "])
        #expect(b[0, 1].role == .danger)
        #expect(b[5, 1].role == .danger)
        #expect(b[6, 1].role == .warning)
        #expect(b[11, 1].role == .danger)
        #expect(roles(b, row: 2).allSatisfy { $0 == .selection })
    }

    @Test func wideCharacterAtTheCutEdge() {
        let cols = [TableColumn("Namn", width: .length(4)), TableColumn("E", width: .length(1))]
        let b = rendered(Table(columns: cols, rows: [["日本語", "x"], ["a日本", "y"]]), width: 6, height: 3)
        #expect(b.lines == ["Namn E", "日…  x", "a日… y"])
        #expect(!b[4, 1].isContinuation)
    }

    @Test func shortRowsAndNoRows() {
        let b = rendered(Table(columns: columns, rows: [["Åsa"]], state: ListState(selected: 0)), width: 26, height: 3)
        #expect(b.lines == ["Namn          Ålder Enhet ", "Åsa                       ", "                          "])
        let none = rendered(Table(columns: [], rows: [[String]]()), width: 3, height: 2)
        #expect(none.lines == ["   ", "   "])
    }
}
