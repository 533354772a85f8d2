import Testing
@testable import TerminalUI

@Suite struct ListViewTests {
    let names = ["Åsa Öberg", "Björn Ärlig", "Örjan Åström", "Li 日本", "Märta"]

    @Test func selectedRowIsHighlightedAcrossTheWidth() {
        let b = rendered(ListView(names, state: ListState(selected: 1)), width: 14, height: 5)
        #expect(b.lines == [
            "Åsa Öberg     ",
            "Björn Ärlig   ",
            "Örjan Åström  ",
            "Li 日本       ",
            "Märta         ",
        ])
        #expect(roles(b, row: 1).allSatisfy { $0 == .selection })
        #expect(roles(b, row: 0).allSatisfy { $0 == .text })
    }

    @Test func overflowScrollsToTheSelectionAndShowsAnIndicator() {
        let b = rendered(ListView(names, state: ListState(selected: 4)), width: 10, height: 3)
        #expect(b.lines == [
            "Örjan Ås…│",
            "Li 日本  │",
            "Märta    █",
        ])
        #expect(roles(b, row: 2)[0..<9].allSatisfy { $0 == .selection })
        #expect(b[9, 2].role == .border)
    }

    @Test func indicatorThumbFollowsTheOffset() {
        let items = (1...12).map { "rad \($0)" }
        let top = rendered(ListView(items, state: ListState(selected: 0), glyphs: .ascii), width: 7, height: 4)
        #expect(top.lines == ["rad 1 #", "rad 2 |", "rad 3 |", "rad 4 |"])
        let middle = rendered(ListView(items, state: ListState(selected: 5, offset: 4), glyphs: .ascii), width: 7, height: 4)
        #expect(middle.lines.map { String($0.suffix(1)) } == ["|", "#", "|", "|"])
        let bottom = rendered(ListView(items, state: ListState(selected: 11), glyphs: .ascii), width: 7, height: 4)
        #expect(bottom.lines.map { String($0.suffix(1)) } == ["|", "|", "|", "#"])
    }

    @Test func indicatorCanBeTurnedOff() {
        let b = rendered(ListView(names, state: ListState(selected: 0), showsScrollIndicator: false), width: 9, height: 2)
        #expect(b.lines == ["Åsa Öberg", "Björn Är…"])
    }

    @Test func wideCharacterAtTheCutEdge() {
        // "Li 日本" is 7 wide. In 5 columns the ellipsis leaves 4, too few for "Li 日":
        // "Li …" and one blank column.
        let b = rendered(ListView(["Li 日本"], state: ListState()), width: 5, height: 1)
        #expect(b.lines == ["Li … "])
        let c = rendered(ListView(["Li 日本"], state: ListState()), width: 6, height: 1)
        #expect(c.lines == ["Li 日…"])
    }

    @Test func emptyListAndStaleSelection() {
        #expect(rendered(ListView([String](), state: ListState(selected: 3)), width: 4, height: 2).lines == ["    ", "    "])
        let b = rendered(ListView(["a", "b"], state: ListState(selected: 9, offset: 7)), width: 3, height: 2)
        #expect(b.lines == ["a  ", "b  "])
        #expect(b[0, 1].role == .selection)
    }

    @Test func spansKeepStylesOutsideTheSelection() {
        let items = [TextLine([Span("Åsa "), Span("skyddad", .role(.protectedIdentity))]), TextLine("Björn")]
        let b = rendered(ListView(items, state: ListState(selected: 1)), width: 12, height: 2)
        #expect(b[4, 0].role == .protectedIdentity)
        #expect(b[0, 1].role == .selection)
    }
}
