import Testing
import TerminalUI

@Suite struct ListFilterTests {
    @Test func typingNarrowsEnterKeepsEscClears() {
        var f = ListFilter()
        #expect(!f.isShown && f.handle(.key(.char("a"))) == .ignored, "keys go nowhere until /")
        f.begin()
        for c in "per ek" { #expect(f.handle(.key(.char(c))) == .changed) }
        let rows = ["Per Ek, läkare", "Eva Strand", "Ekström Per", "Pernilla"]
        #expect(f.filter(rows) { $0 } == ["Per Ek, läkare", "Ekström Per"], "every word, in any order")
        #expect(f.handle(.key(.enter)) == .kept)
        #expect(!f.isEditing && f.isShown && f.isFiltering)
        f.begin()
        #expect(f.handle(.key(.escape)) == .cleared)
        #expect(!f.isShown && f.filter(rows) { $0 } == rows)
    }

    @Test func caseIsIgnoredButÅÄÖStayLetters() {
        var f = ListFilter()
        f.begin()
        _ = f.handle(.paste("ÖBERG"))
        #expect(f.matches("Åsa Öberg") && !f.matches("Anna Oberg"))
    }

    @Test func thePasteIsOneLine() {
        var f = ListFilter()
        f.begin()
        _ = f.handle(.paste("ek\nstrand"))
        #expect(!f.query.contains("\n"))
    }

    @Test func oneYesNoForEveryQuestion() {
        #expect(YesNo.answer(.char("j"), yesSelected: false) == .yes)
        #expect(YesNo.answer(.char("Y"), yesSelected: false) == .yes)
        #expect(YesNo.answer(.escape, yesSelected: true) == .no)
        #expect(YesNo.answer(.enter, yesSelected: true) == .yes)
        #expect(YesNo.answer(.enter, yesSelected: false) == .no)
        #expect(YesNo.answer(.tab, yesSelected: false) == .toggle)
        #expect(YesNo.answer(.char("x"), yesSelected: true) == .ignored)
    }

    @Test func listMovesScrollTheSelectionIntoView() {
        var list = ListState(selected: 0)
        list.apply(.last, count: 30, page: 10)
        #expect(list.selected == 29 && list.offset == 20)
        list.apply(.pageUp, count: 30, page: 10)
        #expect(list.selected == 19)
        list.apply(.first, count: 30, page: 10)
        #expect(list.selected == 0 && list.offset == 0)
    }
}
