import Testing
@testable import TerminalUI

@Suite struct ModalTests {
    let modal = Modal(title: "Spara?", lines: [TextLine("Ändringar går förlorade.")], buttons: ["OK", "Avbryt"],
                      selectedButton: 1, width: 30)

    @Test func centredClearedAndFramed() {
        var b = Buffer(width: 36, height: 9)
        b.fill(b.area, symbol: "·")
        modal.render(in: b.area, buffer: &b)
        #expect(b.lines == [
            "····································",
            "····································",
            "···┌ Spara? ────────────────────┐···",
            "···│ Ändringar går förlorade.   │···",
            "···│                            │···",
            "···│     [ OK ]  [ Avbryt ]     │···",
            "···└────────────────────────────┘···",
            "····································",
            "····································",
        ])
        #expect(b[3, 2].role == .border)
        #expect(b[5, 2].role == .title)
        #expect(b[12, 2].role == .border)
        #expect(b[9, 5].role == .text)
        #expect(b[17, 5].role == .selection)
        #expect(b[26, 5].role == .selection)
    }

    @Test func areaFollowsTheWrappedContent() {
        let screen = Rect(width: 80, height: 24)
        #expect(modal.area(in: screen) == Rect(x: 25, y: 9, width: 30, height: 5))
        let long = Modal(title: "Anteckning", lines: [TextLine(String(repeating: "ord ", count: 20))], width: 20)
        // 80 columns of text in 16 columns: 5 rows, plus the border.
        #expect(long.area(in: screen).height == 7)
        #expect(long.area(in: Rect(width: 10, height: 4)) == Rect(x: 0, y: 0, width: 10, height: 4))
    }

    @Test func contentAreaIsInsideBorderAndAboveButtons() {
        let form = Modal(title: "Ny remiss", lines: [], buttons: ["Spara"], width: 40, minContentRows: 6)
        let screen = Rect(width: 80, height: 24)
        #expect(form.area(in: screen) == Rect(x: 20, y: 7, width: 40, height: 10))
        #expect(form.contentArea(in: screen) == Rect(x: 22, y: 8, width: 36, height: 6))
    }

    @Test func textWithNewlinesAndSwedishLetters() {
        let m = Modal(title: "Åtkomst", lines: [TextLine("Nödåtkomst loggas.\nAnge skäl.")], width: 24)
        let b = rendered(m, width: 24, height: 4)
        #expect(b.lines == [
            "┌ Åtkomst ─────────────┐",
            "│ Nödåtkomst loggas.   │",
            "│ Ange skäl.           │",
            "└──────────────────────┘",
        ])
    }

    @Test func wideCharacterAtTheCutAndTinyScreens() {
        let m = Modal(title: "日本", lines: [TextLine("日本語")], width: 7)
        // Three columns of text: "日" and then "本", "語" on their own rows.
        #expect(rendered(m, width: 7, height: 5).lines == [
            "┌ 日… ┐",
            "│ 日  │",
            "│ 本  │",
            "│ 語  │",
            "└─────┘",
        ])
        #expect(rendered(modal, width: 3, height: 2).lines == ["┌─┐", "└─┘"])
        #expect(modal.contentArea(in: Rect(width: 3, height: 2)).isEmpty)
    }
}
