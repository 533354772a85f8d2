import Testing
@testable import TerminalUI

@Suite struct BufferTests {
    @Test func textIsPlacedByDisplayWidth() {
        var b = Buffer(width: 10, height: 2)
        #expect(b.put("Åsa Öberg", x: 0, y: 0) == 9)
        #expect(b.line(0) == "Åsa Öberg ")
        #expect(b.put("日本語", x: 0, y: 1, maxWidth: 5) == 4)
        #expect(b.line(1) == "日本      ")
        #expect(b[1, 1].isContinuation)
    }

    @Test func combiningMarksJoinTheirBase() {
        var b = Buffer(width: 4, height: 1)
        b.put("a\u{030A}b", x: 0, y: 0)
        #expect(b[0, 0].symbol == "a\u{030A}")
        #expect(b[1, 0].symbol == "b")
    }

    @Test func zeroSizedAndOutOfRangeWritesDrawNothing() {
        var b = Buffer(width: 0, height: 0)
        #expect(b.put("x", x: 0, y: 0) == 0)
        var c = Buffer(width: 1, height: 1)
        #expect(c.put("ab", x: 0, y: 0) == 1)
        #expect(c.put("x", x: 5, y: 5) == 0)
        c.fill(Rect(x: -3, y: -3, width: 10, height: 10), symbol: "#")
        #expect(c.line(0) == "#")
    }

    @Test func diffListsOnlyChangedCells() {
        var a = Buffer(width: 5, height: 2)
        a.put("abc", x: 0, y: 0)
        var b = a
        b.put("x", x: 1, y: 1)
        #expect(b.changes(from: a) == [CellChange(x: 1, y: 1, cell: Cell("x"))])
        #expect(b.changes(from: Buffer(width: 3, height: 3)).count == 10)
    }

    @Test func widthTruncationAndPadding() {
        #expect(DisplayWidth.of("Åsa") == 3)
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("e\u{0301}") == 1)
        #expect(DisplayWidth.truncate("Bäckström", to: 5) == "Bäck…")
        #expect(DisplayWidth.truncate("日本語", to: 4) == "日…")
        #expect(DisplayWidth.pad("ab", to: 4, alignment: .right) == "  ab")
        #expect(DisplayWidth.pad("abc", to: 0) == "")
    }

    @Test func layoutSplitsAndDegradesInTinyAreas() {
        let rows = Layout.vertical([.length(1), .fill(1), .length(1)]).split(Rect(width: 80, height: 24))
        #expect(rows.map(\.height) == [1, 22, 1])
        #expect(rows[2].y == 23)
        let cols = Layout.horizontal([.percentage(50), .fill(1)]).split(Rect(width: 81, height: 1))
        #expect(cols.map(\.width) == [40, 41])
        let tiny = Layout.vertical([.length(3), .length(3), .fill(1)]).split(Rect(width: 1, height: 4))
        #expect(tiny.map(\.height) == [3, 1, 0])
    }
}
