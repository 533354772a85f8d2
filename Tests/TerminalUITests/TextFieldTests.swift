import Testing
import TerminalUI
import TerminalUITesting

@Suite struct TextFieldTests {
    private func draw(_ field: TextField, width: Int, height: Int = 1) -> Buffer {
        var b = Buffer(width: width, height: height)
        field.render(in: b.area, buffer: &b)
        return b
    }

    @Test func emptyUnfocusedFieldShowsThePlaceholderAndFillsItsRow() {
        let field = TextField(state: TextFieldState(), focused: false, placeholder: "Sök namn")
        let b = draw(field, width: 12)
        expectLines(b, ["Sök namn    "])
        #expect(styleRuns(b, row: 0) == "0-8 muted, 8-12 input")
        #expect(field.cursorPosition(in: b.area) == nil)
    }

    @Test func focusedEmptyFieldHidesThePlaceholder() {
        let field = TextField(state: TextFieldState(), focused: true, placeholder: "Sök namn")
        let b = draw(field, width: 10)
        expectLines(b, [""])
        #expect(styleRuns(b, row: 0) == "0-10 input_focused")
        #expect(field.cursorPosition(in: b.area)! == (0, 0))
    }

    @Test func focusedCursorFollowsDisplayWidth() {
        var state = TextFieldState("Åsa 日本")
        var field = TextField(state: state, focused: true)
        var b = Buffer(width: 20, height: 3)
        let area = Rect(x: 2, y: 1, width: 12, height: 1)
        field.render(in: area, buffer: &b)
        #expect(b.line(1) == "  Åsa 日本          ")
        #expect(field.cursorPosition(in: area)! == (2 + 8, 1))
        state.cursor = 5
        field = TextField(state: state, focused: true)
        #expect(field.cursorPosition(in: area)! == (2 + 6, 1))
    }

    @Test func longTextScrollsToKeepTheCursorVisible() {
        var state = TextFieldState("Vårdcentralen Örebro")
        let b = draw(TextField(state: state, focused: true), width: 10)
        // Cursor at the end sits on the last column; "…" says there is more on the left.
        expectLines(b, ["…n Örebro "])
        #expect(TextField(state: state, focused: true).cursorPosition(in: b.area)! == (9, 0))
        state.cursor = 0
        expectLines(draw(TextField(state: state, focused: true), width: 10), ["Vårdcentr…"])
        state.cursor = 12
        let middle = TextField(state: state, focused: true)
        // The character under the cursor shows in the last column.
        expectLines(draw(middle, width: 10), ["…centralen"])
        #expect(middle.cursorPosition(in: Rect(width: 10, height: 1))! == (9, 0))
    }

    @Test func wideCharactersAtTheEdgeAreNeverHalved() {
        // 日本語 takes 6 columns; in 5 the third ideograph does not fit and leaves a gap.
        var state = TextFieldState("日本語")
        state.cursor = 0
        let start = draw(TextField(state: state, focused: true), width: 5)
        expectLines(start, ["日本…"])
        state.cursor = 3
        let end = draw(TextField(state: state, focused: true), width: 5)
        // Room for 3 columns after the "…": one ideograph and a blank.
        expectLines(end, ["… 語 "])
        #expect(!end[1, 0].isContinuation)
        #expect(end[3, 0].isContinuation)
    }

    @Test func zeroSizedAndOneCellAreas() {
        let field = TextField(state: TextFieldState("Åsa"), focused: true)
        var b = Buffer(width: 3, height: 1)
        field.render(in: Rect(x: 0, y: 0, width: 0, height: 1), buffer: &b)
        field.render(in: Rect(x: 0, y: 0, width: 3, height: 0), buffer: &b)
        #expect(b == Buffer(width: 3, height: 1))
        #expect(field.cursorPosition(in: .zero) == nil)
        let one = draw(field, width: 1)
        expectLines(one, [" "])
        #expect(field.cursorPosition(in: one.area)! == (0, 0))
        var atStart = TextFieldState("Åsa")
        atStart.cursor = 0
        expectLines(draw(TextField(state: atStart, focused: true), width: 1), ["Å"])
    }

    @Test func onlyTheFirstRowIsUsed() {
        let b = draw(TextField(state: TextFieldState("x"), focused: false), width: 4, height: 2)
        assertSnapshot(b, named: "two-row-area")
    }
}
