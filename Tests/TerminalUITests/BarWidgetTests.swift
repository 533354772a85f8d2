import Testing
@testable import TerminalUI

private enum ListAction: Sendable { case help, down, search, quit }

@Suite struct TabsTests {
    @Test func selectedTitleStandsOut() {
        let b = rendered(Tabs(titles: ["Inkorg", "Utkorg", "Mina"], selected: 1), width: 26, height: 1)
        #expect(b.lines == [" Inkorg │ Utkorg │ Mina   "])
        #expect(b[1, 0].role == .muted)
        #expect(b[8, 0].role == .border)
        #expect(b[10, 0].style == Style(.selection, .bold))
        #expect(b[17, 0].role == .border)
    }

    @Test func asciiDivider() {
        #expect(rendered(Tabs(titles: ["Å", "Ö"], selected: 0, glyphs: .ascii), width: 7, height: 1).lines == [" Å | Ö "])
    }

    @Test func clippedAtTheEdgeEvenMidCharacter() {
        #expect(rendered(Tabs(titles: ["Inkorg", "日本"], selected: 0), width: 12, height: 2).lines == [
            " Inkorg │ 日", "            ",
        ])
        #expect(rendered(Tabs(titles: ["Inkorg", "日本"], selected: 0), width: 11, height: 1).lines == [" Inkorg │  "])
    }
}

@Suite struct FunctionBarTests {
    let items = [(key: "F1", label: "Hjälp"), (key: "F3", label: "Sök"), (key: "F10", label: "Avsluta")]

    @Test func keysAndLabelsFillTheRow() {
        let b = rendered(FunctionBar(items: items), width: 30, height: 1)
        #expect(b.lines == ["F1Hjälp F3Sök F10Avsluta      "])
        #expect(b[0, 0].role == .functionKey)
        #expect(b[1, 0].role == .functionKey)
        #expect(b[2, 0].role == .functionBar)
        #expect(b[8, 0].role == .functionKey)
        #expect(b[29, 0].role == .functionBar)
    }

    @Test(arguments: [
        (20, "F1Hjälp F3Sök       "),
        (13, "F1Hjälp F3Sök"),
        (12, "F1Hjälp     "),
        (6, "      "),
    ])
    func itemsThatDoNotFitAreDroppedWhole(width: Int, expected: String) {
        let b = rendered(FunctionBar(items: items), width: width, height: 1)
        #expect(b.lines == [expected])
        #expect(roles(b, row: 0).allSatisfy { $0 == .functionBar || $0 == .functionKey })
    }

    @Test func builtFromAKeymap() {
        let keymap = Keymap<ListAction>("Lista", [
            Binding([.function(1), .char("?")], .help, help: "Visa hjälp", bar: "Hjälp"),
            Binding([.char("j"), .down], .down, help: "Nästa rad"),
            Binding([.function(3), .char("/")], .search, help: "Sök patient", bar: "Sök"),
            Binding([.function(10), .char("q")], .quit, help: "Avsluta", bar: "Avsluta"),
        ])
        let bar = FunctionBar(keymap: keymap)
        #expect(bar.items == [
            FunctionBar.Item(key: "F1", label: "Hjälp"), FunctionBar.Item(key: "F3", label: "Sök"),
            FunctionBar.Item(key: "F10", label: "Avsluta"),
        ])
    }

    @Test func wideLabelAtTheEdge() {
        let b = rendered(FunctionBar(items: [(key: "F2", label: "日本")]), width: 6, height: 1)
        #expect(b.lines == ["F2日本"])
        #expect(rendered(FunctionBar(items: [(key: "F2", label: "日本")]), width: 5, height: 1).lines == ["     "])
    }
}

@Suite struct StatusLineTests {
    @Test(arguments: [
        (36, "Vårdcentralen Örebro      Anna 14:05"),
        (20, "Vårdcent… Anna 14:05"),
        (10, "Anna 14:05"),
        (6, "Anna …"),
    ])
    func rightSideWins(width: Int, expected: String) {
        let b = rendered(StatusLine(left: "Vårdcentralen Örebro", right: "Anna 14:05"), width: width, height: 1)
        #expect(b.lines == [expected])
        #expect(roles(b, row: 0).allSatisfy { $0 == .statusBar })
    }

    @Test func ownRolesInsideTheBarSurvive() {
        let left = TextLine([Span("Demo ", .role(.demoBanner)), Span("Åsa")])
        let b = rendered(StatusLine(left: left, right: TextLine("ö")), width: 10, height: 1)
        #expect(b.lines == ["Demo Åsa ö"])
        #expect(b[0, 0].role == .demoBanner)
        #expect(b[5, 0].role == .statusBar)
        #expect(b[9, 0].role == .statusBar)
    }

    @Test func wideCharacterAtTheCut() {
        #expect(rendered(StatusLine(left: "日本語の文", right: "ok"), width: 8, height: 1).lines == ["日本… ok"])
        #expect(rendered(StatusLine(left: "日本語の文", right: "ok"), width: 7, height: 1).lines == ["日…  ok"])
    }
}
