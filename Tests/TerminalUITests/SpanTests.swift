import Testing
@testable import TerminalUI

@Suite struct SpanTests {
    @Test func lineWidthCountsColumns() {
        let line = TextLine([Span("Åsa "), Span("Öberg", Style(.accent, .bold)), Span(" 日本")])
        #expect(line.width == 14)
        #expect(line.text == "Åsa Öberg 日本")
    }

    @Test func spansKeepTheirStyles() {
        var b = Buffer(width: 10, height: 1)
        let used = b.put(TextLine([Span("Ås", .role(.muted)), Span("ö", .role(.danger))]), x: 1, y: 0)
        #expect(used == 3)
        #expect(b.lines == [" Åsö      "])
        #expect(roles(b, row: 0)[0...3] == [.text, .muted, .muted, .danger])
    }

    @Test func maxWidthAndClipStopTheLine() {
        var b = Buffer(width: 8, height: 1)
        #expect(b.put(TextLine([Span("ab"), Span("cdef")]), x: 0, y: 0, maxWidth: 3) == 3)
        #expect(b.lines == ["abc     "])
        var c = Buffer(width: 8, height: 1)
        c.put(TextLine([Span("abc"), Span("def")]), x: 0, y: 0, clip: Rect(x: 2, y: 0, width: 3, height: 1))
        #expect(c.lines == ["  cde   "])
    }

    @Test func aWideCharacterAtTheEdgeEndsTheLine() {
        var b = Buffer(width: 4, height: 1)
        #expect(b.put(TextLine([Span("ab日"), Span("c")]), x: 0, y: 0, maxWidth: 3) == 2)
        #expect(b.lines == ["ab  "])
    }

    @Test func truncationEndsInAnEllipsisInTheCutSpansStyle() {
        let line = TextLine([Span("Bäck", .role(.muted)), Span("ström", .role(.accent))])
        let cut = line.truncated(to: 6)
        #expect(cut.text == "Bäcks…")
        #expect(cut.spans.last == Span("…", .role(.accent)))
        #expect(line.truncated(to: 9) == line)
        #expect(line.truncated(to: 0).spans.isEmpty)
        #expect(TextLine("日本語").truncated(to: 4).text == "日…")
    }

    @Test func tintChangesOnlyPlainSpans() {
        let line = TextLine([Span("a", Style(.text, .bold)), Span("b", .role(.danger))]).tinted(.role(.statusBar))
        #expect(line.spans.map(\.style) == [Style(.statusBar, .bold), .role(.danger)])
    }

    @Test(arguments: [(Alignment.left, "Åsa   "), (.right, "   Åsa"), (.center, " Åsa  ")])
    func lineInARowIsAligned(alignment: Alignment, expected: String) {
        var b = Buffer(width: 6, height: 1)
        b.put(TextLine("Åsa"), in: b.area, alignment: alignment)
        #expect(b.lines == [expected])
    }
}
