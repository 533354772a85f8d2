import NaraApp
import NaraDomain
import Testing
import TerminalUI
import TerminalUITesting

/// The overview in the running program: opened from search, its keys, and snapshots of
/// a rich record (`NARA_RECORD_SNAPSHOTS=1` re-records).
@Suite struct OverviewAppTests {
    private func opened(_ language: Language = .sv, width: Int = 80, height: Int = 24) throws -> AppFixture {
        let f = try AppFixture(language: language, width: width, height: height)
        try RichPatient.add(to: f)
        f.type("lindq")
        f.press(.enter)
        return f
    }

    @Test func enterOnASearchResultOpensTheOverviewAndF3ComesBackToIt() throws {
        let f = try opened()
        defer { f.remove() }
        #expect(f.app.state.top.id == .overview)
        #expect(f.text.contains("Märta Lindqvist"))
        #expect(f.text.contains("19400612-2388"))
        f.press(.char("/"))
        #expect(f.app.state.top.id == .search)
        f.press(.function(3))
        #expect(f.app.state.top.id == .overview)
        #expect(f.text.contains("Märta Lindqvist"))
        #expect(f.text.contains("86 år, kvinna"))
    }

    @Test func withoutAnOpenRecordItSaysHowToFindOne() throws {
        let f = try AppFixture()
        defer { f.remove() }
        f.press(.function(3))
        #expect(f.app.state.top.id == .overview)
        #expect(f.text.contains("Ingen patient är öppen."))
        #expect(f.text.contains("Enter"))
        f.press(.char("j"), .char("u"))
        #expect(f.app.state.message == nil)
    }

    @Test func theRichRecordShowsItsAlertsAndFigures() throws {
        let f = try opened()
        defer { f.remove() }
        let text = f.text
        #expect(text.contains("1 remiss försenad"))
        #expect(text.contains("Utskriven för 6 dagar sedan utan kontakt i primärvården"))
        #expect(text.contains("SIP-uppföljningen 2026-11-09 är passerad"))
        #expect(text.contains("30 dagar försenad"))
        #expect(text.contains("4 dagar kvar"))
        #expect(text.contains("Per Holm läk"))
        #expect(text.contains("Karin Berg dsk"))
        #expect(text.contains("+"))
        #expect(!text.contains("Ingen fast vårdkontakt"))
    }

    @Test func lettersGoToTheContinuityAndReferralScreens() throws {
        let f = try opened()
        defer { f.remove() }
        f.press(.char("c"))
        #expect(f.app.state.top.id == .continuity)
        f.press(.function(3))
        f.press(.char("r"))
        #expect(f.app.state.top.id == .referrals)
    }

    @Test func uReadsTheRecordAgain() throws {
        let f = try opened()
        defer { f.remove() }
        let id = try #require(f.app.state.patient?.patient.id)
        _ = try f.store.recordEncounter(NewEncounter(patientId: id, at: AppFixture.day.noon(in: .stockholm)
                                                        .addingTimeInterval(-4 * 3600), mode: .phone, planned: false,
                                                     staffId: "karin.berg", unitId: AppFixture.vc, reason: "Samtal"),
                                        as: f.app.state.session.context)
        #expect(!f.text.contains("2026-11-23"))
        f.press(.char("u"))
        #expect(f.text.contains("2026-11-23  telefon"))
        #expect(f.text.contains("Journalen är inläst på nytt."))
        #expect(!f.text.contains("Utskriven för")) // the call followed up the discharge
    }

    @Test func theInterpreterAndNextOfKinAreUnderThePhone() throws {
        let f = try opened()
        defer { f.remove() }
        let id = try #require(f.app.state.patient?.patient.id)
        try f.store.setNextOfKin(id, [NextOfKin(name: "Eva Lindqvist", relation: "dotter", phone: "073-555 12 34")],
                                 as: f.app.state.session.context)
        try f.store.setInterpreter(id, InterpreterNeed(language: "fi"), as: f.app.state.session.context)
        f.press(.char("u"))
        let lines = f.text.split(separator: "\n").map(String.init)
        let phone = try #require(lines.firstIndex { $0.contains("Telefon") && $0.contains("070-123 45 67") })
        #expect(lines[phone + 1].contains("Tolk") && lines[phone + 1].contains("finska behövs"))
        #expect(lines[phone + 2].contains("Närstående") && lines[phone + 2].contains("Eva Lindqvist (dotter)  073-555 12 34"))
    }

    @Test func theInterpreterLanguageIsNamedInEnglishToo() throws {
        let f = try opened(.en)
        defer { f.remove() }
        let id = try #require(f.app.state.patient?.patient.id)
        try f.store.setInterpreter(id, InterpreterNeed(language: "fi"), as: f.app.state.session.context)
        f.press(.char("u"))
        #expect(f.text.contains("Interpreter") && f.text.contains("Finnish needed"))
        try f.store.setInterpreter(id, InterpreterNeed(language: "ln"), as: f.app.state.session.context)
        f.press(.char("u"))
        #expect(f.text.contains("ln needed"))
    }

    @Test func nEditsTheInterpreterAndNextOfKinAndAMistakeIsShownAtItsField() throws {
        let f = try opened()
        defer { f.remove() }
        f.press(.char("n"))
        #expect(f.text.contains("Närstående och tolk"))
        f.type("fi")
        f.press(.enter)
        f.type("Eva Lindqvist")
        f.press(.enter, .enter, .enter)
        #expect(f.text.contains("Skriv namn; relation; telefon"))
        #expect(f.app.state.patient?.patient.nextOfKin.isEmpty == true)
        f.type("; dotter; 073-555 12 34")
        f.press(.enter, .enter, .enter)
        #expect(f.text.contains("Närstående och tolk är sparade."))
        let saved = try #require(f.app.state.patient?.patient)
        #expect(saved.interpreter?.language == "fi")
        #expect(saved.nextOfKin == [NextOfKin(name: "Eva Lindqvist", relation: "dotter", phone: "073-555 12 34")])
        #expect(f.text.contains("finska behövs") && f.text.contains("Eva Lindqvist (dotter)"))
        // Opened again, it shows what the record holds; Esc without a change just closes it.
        f.press(.char("n"))
        #expect(f.text.contains("Eva Lindqvist; dotter; 073-555 12 34"))
        assertSnapshot(f.view.render(f.app).buffer, named: "details-form-sv-80x24")
        f.press(.escape)
        #expect(!f.text.contains("Enter nästa fält"))
    }

    @Test func scrollingShowsTheRestAndStopsAtTheEnd() throws {
        let f = try AppFixture()
        defer { f.remove() }
        let id = try RichPatient.add(to: f)
        try RichPatient.addMoreReferrals(to: f, patient: id, count: 4)
        f.type("lindq")
        f.press(.enter)
        #expect(f.text.contains("mer nedåt"))
        #expect(!f.text.contains("Sjuksköterskor"))
        f.press(.end)
        #expect(f.text.contains("Sjuksköterskor  COC 0,47  UPC 0,67  N=6"))
        #expect(!f.text.contains("mer nedåt"))
        let atEnd = f.text
        f.press(.char("j"), .down, .pageDown)
        #expect(f.text == atEnd)
        f.press(.home)
        #expect(f.text.contains("Märta Lindqvist"))
        f.press(.char("j"))
        #expect(!f.text.contains("Märta Lindqvist"))
        f.press(.char("k"))
        #expect(f.text.contains("Märta Lindqvist"))
    }

    @Test func helpListsTheOverviewKeys() throws {
        let f = try opened()
        defer { f.remove() }
        f.press(.function(1))
        let text = f.text
        #expect(text.contains("Rulla"))
        #expect(text.contains("Kontinuitet och fasta kontakter"))
        #expect(text.contains("Läs in journalen på nytt"))
    }

    @Test(arguments: [Language.sv, .en])
    func richRecordAt80x24(language: Language) throws {
        let f = try opened(language)
        defer { f.remove() }
        assertSnapshot(f.view.render(f.app).buffer, named: "overview-rich-\(language.rawValue)-80x24")
    }

    @Test func richRecordAt120x40() throws {
        let f = try opened(width: 120, height: 40)
        defer { f.remove() }
        assertSnapshot(f.view.render(f.app).buffer, named: "overview-rich-sv-120x40")
    }

    @Test func aTallRecordScrolledToTheEnd() throws {
        let f = try AppFixture(language: .en)
        defer { f.remove() }
        let id = try RichPatient.add(to: f)
        try RichPatient.addMoreReferrals(to: f, patient: id, count: 4)
        f.type("lindq")
        f.press(.enter)
        f.press(.end)
        assertSnapshot(f.view.render(f.app).buffer, named: "overview-rich-en-80x24-end")
    }
}
