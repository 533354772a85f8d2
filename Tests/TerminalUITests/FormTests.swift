import Testing
import TerminalUI
import TerminalUITesting

/// `#expect` cannot call a mutating method on its operand, so events go through here.
private func send(_ form: inout FormState, _ event: Event) -> FormOutcome { form.handle(event) }

@Suite struct FormTests {
    private func referralForm() -> FormState {
        FormState(fields: [
            FormField(id: "pnr", label: "Personnummer", state: TextFieldState(maxLength: 13), required: true,
                      hint: "ÅÅÅÅMMDD-NNNN"),
            FormField(id: "name", label: "Namn", required: true),
            FormField(id: "phone", label: "Telefon"),
        ])
    }

    private func draw(_ state: FormState, width: Int = 32, height: Int? = nil) -> Buffer {
        var b = Buffer(width: width, height: height ?? Form.height(for: state))
        Form(state: state).render(in: b.area, buffer: &b)
        return b
    }

    @Test func tabDownUpAndShiftTabMoveFocusAndWrap() {
        var form = referralForm()
        #expect(form.focus == 0)
        #expect(send(&form, .key(.tab)) == .consumed); #expect(form.focus == 1)
        #expect(send(&form, .key(.down)) == .consumed); #expect(form.focus == 2)
        #expect(send(&form, .key(.tab)) == .consumed); #expect(form.focus == 0)
        #expect(send(&form, .key(.backTab)) == .consumed); #expect(form.focus == 2)
        #expect(send(&form, .key(.up)) == .consumed); #expect(form.focus == 1)
    }

    @Test func enterMovesOnAndSubmitsFromTheLastField() {
        var form = referralForm()
        #expect(send(&form, .key(.enter)) == .consumed); #expect(form.focus == 1)
        #expect(send(&form, .key(.enter)) == .consumed); #expect(form.focus == 2)
        #expect(send(&form, .key(.enter)) == .submit); #expect(form.focus == 2)
        var empty = FormState(fields: [])
        #expect(send(&empty, .key(.enter)) == .submit)
        #expect(send(&empty, .key(.tab)) == .consumed)
        #expect(send(&empty, .key(.char("x"))) == .ignored)
    }

    @Test func typingGoesToTheFocusedFieldAndOtherKeysAreIgnored() {
        var form = referralForm()
        for c in "19121212-1212" { #expect(send(&form, .key(.char(c))) == .consumed) }
        _ = form.handle(.key(.tab))
        for c in "Åsa Öberg" { _ = form.handle(.key(.char(c))) }
        #expect(form["pnr"] == "19121212-1212")
        #expect(form["name"] == "Åsa Öberg")
        #expect(form["missing"] == "")
        #expect(send(&form, .key(.function(2))) == .ignored)
        #expect(send(&form, .tick) == .ignored)
        #expect(send(&form, .resize(width: 80, height: 24)) == .ignored)
        form["phone"] = "019-\n123"
        #expect(form["phone"] == "019- 123")
    }

    @Test func aPasteGoesIntoTheFieldAndNeverSubmits() {
        var form = referralForm()
        form.focus = 2
        #expect(send(&form, .paste("019-12 34 56\n")) == .consumed)
        #expect(send(&form, .paste("\r\n")) == .consumed)
        #expect(form["phone"] == "019-12 34 56  ")
        #expect(form.focus == 2)
        form.focus = 0
        #expect(send(&form, .paste("191212121212345678")) == .consumed)
        #expect(form["pnr"] == "1912121212123")
    }

    @Test func escapeCancelsAndHasInputSaysWhetherToAsk() {
        var form = referralForm()
        #expect(!form.hasInput)
        _ = form.handle(.key(.char(" ")))
        #expect(!form.hasInput)
        _ = form.handle(.key(.char("1")))
        #expect(form.hasInput)
        #expect(send(&form, .key(.escape)) == .cancel)
        #expect(form["pnr"] == " 1")
    }

    @Test func setErrorsReplacesMessagesAndFocusesTheFirst() {
        var form = referralForm()
        form.focus = 2
        form.setErrors(["name": "Namn måste fyllas i", "phone": "Ogiltigt nummer"])
        #expect(form.firstErrorField == 1)
        #expect(form.focus == 1)
        #expect(form.fields.map(\.error) == [nil, "Namn måste fyllas i", "Ogiltigt nummer"])
        form.setErrors(["pnr": "Ogiltigt personnummer"])
        #expect(form.fields.map(\.error) == ["Ogiltigt personnummer", nil, nil])
        #expect(form.focus == 0)
        form.setErrors([:])
        #expect(form.firstErrorField == nil)
        let focused = form.focusFirstError()
        #expect(!focused)
    }

    @Test func tooShortAreasScrollToTheFocusedFieldAndTinyOnesDrawNothing() {
        var form = referralForm()
        form.setErrors(["phone": "Ogiltigt nummer"])
        let b = draw(form, height: 2)
        expectLines(b, ["Telefon:", "               Ogiltigt nummer"])
        #expect(Form(state: form).cursorPosition(in: b.area)! == (15, 0))
        let one = draw(form, height: 1)
        expectLines(one, ["Telefon:"])
        var none = Buffer(width: 5, height: 5)
        Form(state: form).render(in: Rect(x: 1, y: 1, width: 0, height: 3), buffer: &none)
        #expect(none == Buffer(width: 5, height: 5))
        #expect(Form(state: form).cursorPosition(in: .zero) == nil)
        // Narrower than the labels: the labels are cut, the field has no room, no cursor.
        let narrow = draw(form, width: 6, height: 2)
        expectLines(narrow, ["Telefo", "Ogilt…"])
        #expect(Form(state: form).cursorPosition(in: narrow.area) == nil)
    }

    @Test func editingAFieldClearsItsErrorButMovingDoesNot() {
        var form = referralForm()
        form.setErrors(["name": "Namn måste fyllas i"])
        _ = form.handle(.key(.left))
        #expect(form.fields[1].error != nil)
        _ = form.handle(.key(.char("Å")))
        #expect(form.fields[1].error == nil)
    }

    @Test func rendersLabelsFieldsHintsAndErrors() {
        var form = referralForm()
        form["pnr"] = "19121212-1212"
        form.setErrors(["name": "Namn måste fyllas i"])
        #expect(Form.height(for: form) == 5)
        let b = draw(form)
        expectLines(b, [
            "Personnummer:* 19121212-1212",
            "               ÅÅÅÅMMDD-NNNN",
            "Namn:        * ",
            "               Namn måste fylla…",
            "Telefon:",
        ])
        #expect(styleRuns(b, row: 0) == "0-13 text, 13-14 accent, 14-15 text, 15-32 input")
        #expect(styleRuns(b, row: 1) == "0-15 text, 15-28 muted, 28-32 text")
        #expect(styleRuns(b, row: 2) == "0-13 text+bold, 13-14 accent, 14-15 text, 15-32 input_focused")
        #expect(styleRuns(b, row: 3) == "0-15 text, 15-32 danger")
        #expect(styleRuns(b, row: 4) == "0-15 text, 15-32 input")
        assertSnapshot(b, named: "referral-form-with-error")
        #expect(Form(state: form).cursorPosition(in: b.area)! == (15, 2))
    }
}
