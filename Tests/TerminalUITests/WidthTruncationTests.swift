import Testing
@testable import TerminalUI

/// Long names and notes are cut by display width: wide CJK, combining marks and emoji
/// never push a column out of line or leave half a character at the edge.
@Suite struct WidthTruncationTests {
    static let wide = String(repeating: "日本語", count: 40)          // 120 characters, 240 columns
    static let combining = String(repeating: "e\u{301}a\u{30A}", count: 60) // 120 characters, 120 columns
    static let emoji = String(repeating: "👩‍⚕️🇸🇪", count: 40)       // 80 characters, 160 columns

    @Test(arguments: [wide, combining, emoji], [1, 2, 3, 10, 17])
    func truncateFitsTheColumnsExactlyOrOneLess(text: String, columns: Int) {
        let cut = DisplayWidth.truncate(text, to: columns)
        let width = DisplayWidth.of(cut)
        #expect(width <= columns)
        // A wide character that does not fit leaves one column, never more.
        #expect(width >= columns - 1)
        #expect(cut.hasSuffix("…"))
        #expect(DisplayWidth.of(DisplayWidth.pad(text, to: columns)) == columns)
    }

    @Test func combiningMarksCountNothingAndStayOnTheirLetter() {
        #expect(DisplayWidth.of(Self.combining) == 120)
        let cut = DisplayWidth.truncate(Self.combining, to: 5)
        #expect(cut == "e\u{301}a\u{30A}e\u{301}a\u{30A}…")
    }

    @Test(arguments: [wide, combining, emoji])
    func tableCellsAreCutToTheirColumn(text: String) {
        let columns = [TableColumn("Namn", width: .length(11)), TableColumn("Född", width: .length(10))]
        let b = rendered(Table(columns: columns, rows: [[TextLine(text), TextLine("1945-03-03")]]), width: 22, height: 2)
        // The second column starts where it should, whatever the first held.
        #expect(b.line(1).hasSuffix("1945-03-03"))
        #expect(DisplayWidth.of(b.line(1)) == 22)
        #expect(b[12, 1].symbol == "1")
        #expect(b.line(1).contains("…"))
    }

    @Test(arguments: [wide, combining, emoji])
    func listRowsAndLabelsStayOnOneLineOfTheirWidth(text: String) {
        let list = rendered(ListView([text, "Åsa"], state: ListState(selected: 0)), width: 15, height: 2)
        #expect(DisplayWidth.of(list.line(0)) == 15)
        #expect(list.line(1).hasPrefix("Åsa"))
        let form = rendered(Form(state: FormState(fields: [FormField(id: "n", label: "Namn"),
                                                           FormField(id: "x", label: "Anteckning")])),
                            width: 30, height: 2)
        #expect(form.lines.allSatisfy { DisplayWidth.of($0) == 30 })
        let status = rendered(StatusLine(left: text, right: "F1 Hjälp"), width: 30, height: 1)
        #expect(DisplayWidth.of(status.line(0)) == 30)
        #expect(status.line(0).hasSuffix("F1 Hjälp"))
    }

    @Test(arguments: [wide, combining, emoji])
    func aFieldScrollsByColumnsWithTheCursorInView(text: String) {
        let field = TextField(state: TextFieldState(text), focused: true)
        let b = rendered(field, width: 12, height: 1)
        #expect(DisplayWidth.of(b.line(0)) == 12)
        #expect(b.line(0).hasPrefix("…"))
        #expect(field.cursorPosition(in: b.area)?.x == 11)
    }
}

/// A paste far beyond a field's limit: the field keeps its limit and the form says the
/// text was cut, under the field, until the next edit.
@Suite struct FieldCutTests {
    static let hundredKB = String(repeating: "Lång anteckning 日本 👩‍⚕️ ", count: 4000)

    @Test func aHundredKilobytePasteKeepsTheLimitAndSaysItWasCut() {
        #expect(Self.hundredKB.utf8.count > 100_000)
        var form = FormState(fields: [FormField(id: "reason", label: "Orsak", state: TextFieldState(maxLength: 500),
                                                hint: "Fritext")])
        #expect(form.handle(.paste(Self.hundredKB)) == .consumed)
        #expect(form.fields[0].text.count == 500)
        #expect(form.fields[0].state.cutOff == Self.hundredKB.count - 500)
        let widget = Form(state: form, cutNotice: { "Texten kortades till \($0) tecken." })
        let b = rendered(widget, width: 40, height: Form.height(for: form))
        #expect(b.line(1).contains("Texten kortades till 500 tecken."))
        #expect(b[8, 1].style.role == .warning)
        // Typing into the full field is cut too, and says so; deleting ends the notice.
        #expect(form.handle(.key(.char("x"))) == .consumed)
        #expect(form.fields[0].state.cutOff == 1)
        #expect(form.handle(.key(.backspace)) == .consumed)
        #expect(form.fields[0].state.cutOff == 0)
        #expect(rendered(Form(state: form, cutNotice: { "kortad \($0)" }), width: 40, height: 2).line(1)
            .contains("Fritext"))
    }

    @Test func withoutALimitNothingIsCut() {
        var s = TextFieldState()
        s.insert(Self.hundredKB)
        #expect(s.cutOff == 0)
        #expect(s.text.count == TextFieldState.singleLine(Self.hundredKB).count)
    }
}
