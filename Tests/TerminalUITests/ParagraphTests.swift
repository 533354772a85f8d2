import Testing
@testable import TerminalUI

@Suite struct ParagraphTests {
    @Test(arguments: [
        ("Åsa Öberg har ont i knät", 10, ["Åsa Öberg", "har ont i", "knät"]),
        ("ett två", 3, ["ett", "två"]),
        ("19121212-1212 ok", 6, ["191212", "12-121", "2 ok"]),
        ("rad ett\nrad två", 20, ["rad ett", "rad två"]),
        ("a\n\nb", 5, ["a", "", "b"]),
        ("  indrag", 10, ["  indrag"]),
        ("slut   ", 4, ["slut"]),
        ("", 5, [""]),
        ("windows\r\nrad", 10, ["windows", "rad"]),
        ("日本語の文", 5, ["日本", "語の", "文"]),
        ("ab 日本", 3, ["ab", "日", "本"]),
    ])
    func wrapsByDisplayWidth(text: String, width: Int, expected: [String]) {
        #expect(Paragraph.wrap(text, width: width) == expected)
    }

    @Test func wrapIntoNothingIsNothing() {
        #expect(Paragraph.wrap("Åsa", width: 0) == [])
    }

    @Test func rendersWrappedLines() {
        let b = rendered(Paragraph("Remissen till ortopeden är skickad."), width: 12, height: 4)
        #expect(b.lines == [
            "Remissen    ",
            "till        ",
            "ortopeden är",
            "skickad.    ",
        ])
    }

    @Test func stylesSurviveWrapping() {
        let line = TextLine([Span("Åsa "), Span("Öberg", .role(.accent)), Span(" ok")])
        let b = rendered(Paragraph([line]), width: 6, height: 2)
        #expect(b.lines == ["Åsa   ", "Öberg "])
        #expect(roles(b, row: 1)[0...4].allSatisfy { $0 == .accent })
        #expect(b[0, 0].role == .text)
        // The last word did not fit in two rows: it is simply not drawn.
        #expect(Paragraph([line]).displayLines(width: 6).map(\.text) == ["Åsa", "Öberg", "ok"])
    }

    @Test func withoutWrapLongLinesEndInAnEllipsis() {
        let b = rendered(Paragraph("Bäckström, Örjan\nkort", wrap: false), width: 8, height: 3)
        #expect(b.lines == [
            "Bäckstr…",
            "kort    ",
            "        ",
        ])
    }

    @Test(arguments: [(Alignment.right, ["   Åsa", " Örjan"]), (.center, [" Åsa  ", "Örjan "])])
    func alignment(alignment: Alignment, expected: [String]) {
        #expect(rendered(Paragraph("Åsa\nÖrjan", alignment: alignment), width: 6, height: 2).lines == expected)
    }

    @Test func scrollSkipsWrappedRows() {
        let p = Paragraph("ett två tre fyra", scroll: 2)
        #expect(rendered(p, width: 4, height: 2).lines == ["tre ", "fyra"])
        #expect(rendered(Paragraph("ett", scroll: 5), width: 4, height: 2).lines == ["    ", "    "])
    }

    @Test func wideCharacterAtTheCutEdge() {
        // Three columns cannot hold "日本" (4): the second ideograph wraps.
        #expect(rendered(Paragraph("日本"), width: 3, height: 2).lines == ["日 ", "本 "])
        // Without wrap: "日" and the ellipsis.
        #expect(rendered(Paragraph("日本", wrap: false), width: 3, height: 1).lines == ["日…"])
        // One column cannot hold an ideograph at all: the ellipsis says something is
        // there, and nothing spills over the edge.
        #expect(rendered(Paragraph("日"), width: 1, height: 1).lines == ["…"])
    }
}
