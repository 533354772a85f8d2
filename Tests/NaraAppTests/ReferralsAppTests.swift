import Foundation
@testable import NaraApp
import NaraDomain
import NaraStore
import TerminalUI
import TerminalUITesting
import Testing

/// The referral screen driven through the real App with keys, on a small store.
@Suite struct ReferralsAppTests {
    private func screen(_ app: App) throws -> ReferralsScreen {
        try #require(app.state.top as? ReferralsScreen)
    }

    @Test func createAReferralForTheOpenPatientSendItAndTheReceiverConfirmsReceipt() throws {
        let f = try ReferralsFixture()
        defer { f.remove() }
        f.openPatientAndReferrals("öberg")
        #expect(f.app.state.top.id == .referrals)
        f.press(.char("n"))
        #expect(f.text.contains("Ny remiss"))
        f.type("orto")
        #expect(f.text.contains("→ Ortopedmottagningen Sundsvall"))
        f.press(.enter, .enter, .enter)
        #expect(f.text.contains("Måste fyllas i"), "the empty question is refused")
        #expect(try screen(f.app).state.overlay != nil)
        guard case .form(let kept)? = try screen(f.app).state.overlay else { Issue.record("form closed"); return }
        #expect(kept.fields["unit"] == "orto", "the typed unit is kept")
        #expect(f.app.state.hasUnsavedInput)
        f.type("Knäsmärta sedan tre månader, röntgen?")
        f.press(.enter)
        #expect(f.text.contains("Remiss skapad (utkast) till Ortopedmottagningen Sundsvall."))
        #expect(try screen(f.app).state.tab == .outbox)
        #expect(f.text.contains("utkast"))
        let draft = try #require(try f.store.referrals(box: .outbox, unit: AppFixture.vc, includeClosed: false, limit: 10, as: testNurse).first)
        #expect(draft.referral.question == "Knäsmärta sedan tre månader, röntgen?")
        #expect(draft.referral.guarantee == .specialistVisit)

        f.press(.enter)
        #expect(f.text.contains("Skicka") && f.text.contains("Makulera"))
        #expect(!f.text.contains("Acceptera"))
        f.press(.enter)
        #expect(f.text.contains("Skicka: Åsa Öberg?"))
        f.press(.enter)
        #expect(f.text.contains("Skicka: klart. Status nu skickad."))
        #expect(f.app.state.patient?.referrals.first?.state == .sent, "the open record was read again")
        f.app.handleAndSettle(.tick) // the first poll only learns where the store stands

        let (other, otherStore) = try f.receiverApp()
        _ = otherStore
        other.press(.function(5))
        #expect(other.screenText.contains("Åsa Öberg"))
        #expect(other.screenText.contains("← Vårdcent"))
        other.press(.char("x"))
        #expect(other.screenText.contains("Bekräfta mottagande"))
        #expect(!other.screenText.contains("Makulera"))
        other.press(.enter, .char("j"))
        #expect(other.screenText.contains("Bekräfta mottagande: klart. Status nu mottagen."))
        #expect(other.screenText.contains("mottagen"))

        // The nurse's screen shows the receiver's step within a tick.
        f.app.handleAndSettle(.tick)
        #expect(f.text.contains("mottagen"))
        f.press(.char("d"))
        #expect(f.text.contains("Bekräfta mottagande Per Lind, Ortopedmottagningen Sundsvall"))
    }

    @Test func aConflictNamesWhoSavedFirstAndKeepsTheReason() throws {
        let f = try ReferralsFixture()
        defer { f.remove() }
        try f.seed("öberg", question: "Höftsmärta", steps: [.send, .confirmReceipt])
        let (first, s1) = try f.receiverApp(ReferralsFixture.surgeon)
        let (second, s2) = try f.receiverApp(ReferralsFixture.secondSurgeon)
        _ = (s1, s2)
        // Both read the referral (the screen loads on its first key) before either acts.
        first.press(.function(5), .char("u"))
        second.press(.function(5), .char("u"))
        first.press(.enter)
        #expect(first.screenText.contains("Acceptera"))
        first.press(.enter, .enter)
        #expect(first.screenText.contains("Status nu accepterad"))
        second.press(.enter, .down, .enter)
        #expect(second.screenText.contains("Avvisa"))
        second.type("Fel mottagning")
        second.press(.enter, .enter) // the reason, then the optional task for the sender
        #expect(second.screenText.contains("Ändrad av Per Lind kl. 10:00 – läs om och försök igen"))
        // The colleague's version stands in the form, above the kept input.
        #expect(second.screenText.contains("Ändrad sedan du öppnade den – Per Lind 10:00: Acceptera"))
        let screen = try #require(second.state.top as? ReferralsScreen)
        guard case .form(let form)? = screen.state.overlay else { Issue.record("the form was closed"); return }
        #expect(form.fields["reason"] == "Fel mottagning")
        #expect(second.screenText.contains("accepterad"), "the list shows what the other user did")
        // Rejecting is no longer a step from "accepted": the retry says so and keeps the text.
        second.press(.enter)
        #expect(second.screenText.contains("Steget går inte i remissens nuvarande status."))
        guard case .form(let still)? = (second.state.top as? ReferralsScreen)?.state.overlay else {
            Issue.record("the form was closed"); return
        }
        #expect(still.fields["reason"] == "Fel mottagning")
    }

    /// A colleague's step while a confirmation is open: the dialog keeps its referral and
    /// patient, and says what changed; confirming then is refused, not applied to a new state.
    @Test func aConfirmationStaysOnItsReferralAndSaysWhatChangedUnderIt() throws {
        let f = try ReferralsFixture()
        defer { f.remove() }
        try f.seed("öberg", question: "Höftsmärta", steps: [.send])
        try f.seed("åström", question: "Hälsena", daysAgo: 85, steps: [.send])
        let (first, s1) = try f.receiverApp(ReferralsFixture.surgeon)
        let (second, s2) = try f.receiverApp(ReferralsFixture.secondSurgeon)
        _ = (s1, s2)
        first.press(.function(5), .char("u"))
        second.press(.function(5), .char("u"))
        second.handleAndSettle(.tick)
        // The second surgeon asks to confirm receipt of the first row.
        second.press(.enter)
        second.press(.enter)
        let asked = second.screenText
        #expect(asked.contains("Bekräfta mottagande:"))
        let screen = try #require(second.state.top as? ReferralsScreen)
        guard case .confirm(let id, _, _, _)? = screen.state.overlay else { Issue.record("no confirmation"); return }
        // Meanwhile the first surgeon confirms the same referral.
        first.press(.enter, .enter, .enter)
        #expect(first.screenText.contains("Status nu mottagen"))
        second.handleAndSettle(.tick)
        let after = try #require(second.state.top as? ReferralsScreen)
        guard case .confirm(let still, _, _, _)? = after.state.overlay else { Issue.record("the dialog closed"); return }
        #expect(still == id, "the dialog never changes its subject")
        #expect(second.screenText.contains("Ändrad sedan du öppnade den – Per Lind"))
        second.press(.char("j"))
        #expect(second.screenText.contains("Ändrad av Per Lind"))
    }

    /// A box that cannot be read says why; it is never shown as "Inga remisser.".
    @Test func aFailedReadIsShownNotAnEmptyBox() throws {
        let f = try ReferralsFixture()
        defer { f.remove() }
        f.press(.function(5))
        #expect(f.text.contains("Inga remisser."))
        try sqlite3(f.store.path, "ALTER TABLE referral RENAME TO referral_gone;")
        f.press(.char("u"))
        #expect(!f.text.contains("Inga remisser."))
        #expect(f.text.contains("Databasen svarade med ett fel"))
    }

    @Test func escOnAFormWithInputAsksBeforeThrowingItAway() throws {
        let f = try ReferralsFixture()
        defer { f.remove() }
        f.openPatientAndReferrals("öberg")
        f.press(.char("n"))
        f.type("q5")
        #expect(!f.app.shouldQuit && f.app.state.top.id == .referrals, "letters go to the form, not to global keys")
        f.press(.escape)
        #expect(f.text.contains("Släng det du har skrivit?"))
        f.press(.char("n"))
        #expect(!f.text.contains("Släng det du har skrivit?"))
        guard case .form(let form)? = try screen(f.app).state.overlay else { Issue.record("closed"); return }
        #expect(form.fields["unit"] == "q5")
        f.press(.escape, .char("j"))
        #expect(try screen(f.app).state.overlay == nil)
        f.press(.escape)
        #expect(f.app.state.top.id == .overview)
    }

    @Test func helpListsTheReferralKeys() throws {
        let f = try ReferralsFixture()
        defer { f.remove() }
        f.press(.function(5), .function(1))
        #expect(f.text.contains("Filtrera på status"))
        #expect(f.text.contains("Ny remiss för den öppna patienten"))
    }

    @Test func aNewReferralNeedsAnOpenPatient() throws {
        let f = try ReferralsFixture()
        defer { f.remove() }
        f.press(.function(5), .char("n"))
        #expect(f.text.contains("Öppna en patient först"))
        f.press(.tab, .tab)
        #expect(f.text.contains("Ingen patient är öppen"))
        f.press(.escape)
        #expect(f.app.state.top.id == .search, "Esc with nothing open goes back")
    }

    /// `/` narrows the box by name or personnummer; the status line says how many of how
    /// many; Esc shows every referral again before it leaves the screen.
    @Test func slashSearchesTheBoxByName() throws {
        let f = try ReferralsFixture()
        defer { f.remove() }
        try f.seed("öberg", priority: .urgent, question: "Akut knä", daysAgo: 100, steps: [.send])
        try f.seed("åström", question: "Hälsena", daysAgo: 85, steps: [.send, .confirmReceipt])
        f.press(.function(5), .tab)
        #expect(f.text.contains("Jörgen Åstr"))
        f.press(.char("/"))
        f.type("åst")
        #expect(f.app.state.top.id == .referrals)
        #expect(f.text.contains("/åst") && f.text.contains("1 av 2"))
        #expect(f.text.contains("19520101-7372") && !f.text.contains("19450303-4565"))
        // Typing into the line takes every key: "j" and "o" are letters, not moves or filters.
        f.type("jo")
        #expect(f.text.contains("/åstjo") && f.text.contains("0 av 2"))
        f.press(.backspace, .backspace, .enter)
        #expect(try screen(f.app).state.search.query == "åst" && !(try screen(f.app).state.search.isEditing))
        f.press(.escape)
        #expect(f.app.state.top.id == .referrals)
        #expect(f.text.contains("19450303-4565") && f.text.contains("alla öppna"))
    }

    @Test func filtersShowInTheStatusLineAndOverdueRowsAreDanger() throws {
        let f = try ReferralsFixture()
        defer { f.remove() }
        try f.seed("öberg", priority: .urgent, question: "Akut knä", daysAgo: 100, steps: [.send])
        try f.seed("åström", question: "Hälsena", daysAgo: 85, steps: [.send, .confirmReceipt])
        f.press(.function(5), .tab)
        #expect(f.text.contains("alla öppna · sorterat på sista dag"))
        #expect(f.text.contains("försenad 10 d"))
        #expect(f.text.contains("5 dagar kvar"))
        let buffer = f.render(f.app)
        let row = try #require((0..<buffer.height).first { buffer.line($0).contains("försenad 10 d") })
        #expect(buffer[2, row].style.role == .selection || buffer[2, row].style.role == .danger)
        f.press(.char("o"))
        #expect(f.text.contains("försenade"))
        #expect(!f.text.contains("Jörgen Åström"))
        f.press(.char("o"), .char("p"))
        #expect(f.text.contains("akut ·"))
        f.press(.char("p"), .char("p"), .char("p"), .char("f"), .char("f"))
        #expect(f.text.contains("skickad · sorterat"))
        f.press(.char("s"))
        #expect(f.text.contains("sorterat på skickad"))
    }

    @Test(arguments: [Language.sv, .en])
    func snapshot80x24(language: Language) throws {
        let f = try ReferralsFixture(language: language)
        defer { f.remove() }
        try Self.seedSome(f)
        f.openPatientAndReferrals("öberg")
        f.press(.tab)
        assertSnapshot(f.render(f.app), named: "referrals-outbox-\(language.rawValue)-80x24")
    }

    @Test func snapshot120x40WithHistory() throws {
        let f = try ReferralsFixture(width: 120, height: 40)
        defer { f.remove() }
        try Self.seedSome(f)
        f.openPatientAndReferrals("öberg")
        f.press(.backTab)
        assertSnapshot(f.render(f.app), named: "referrals-patient-120x40")
    }

    @Test func snapshotOfTheActionMenu() throws {
        let f = try ReferralsFixture()
        defer { f.remove() }
        try Self.seedSome(f)
        f.press(.function(5), .tab, .enter)
        assertSnapshot(f.render(f.app), named: "referrals-menu-sv-80x24")
    }

    @Test func snapshotOfTheNewReferralFormWithAnError() throws {
        let f = try ReferralsFixture()
        defer { f.remove() }
        f.openPatientAndReferrals("öberg")
        f.press(.char("n"))
        f.type("orto")
        f.press(.enter, .enter, .enter)
        assertSnapshot(f.render(f.app), named: "referrals-new-form-sv-80x24")
    }

    static func seedSome(_ f: ReferralsFixture) throws {
        try f.seed("öberg", priority: .urgent, question: "Akut knäsvullnad efter fall, fraktur?", daysAgo: 100,
                   steps: [.send, .confirmReceipt, .accept,
                           .pauseClock(.patientChosen, comment: "Reser bort", offeredOn: LocalDate(iso: "2026-08-20"),
                                       patientInformed: true)])
        try f.seed("öberg", to: ReferralsFixture.medicine, question: "Förhöjt kreatinin, bedömning", daysAgo: 3)
        try f.seed("191212121212", question: "Ryggsmärta", daysAgo: 30, steps: [.send])
        try f.seed("åström", priority: .priority, question: "Hälsena", daysAgo: 85, steps: [.send, .confirmReceipt])
        try f.seed("anna oberg", question: "Yrsel sedan våren", daysAgo: 95, steps: [.send])
    }
}

/// A reply may leave a task for the sending unit: it reaches the vårdcentral's Min dag.
@Suite struct ReferralReplyTaskTests {
    @Test func aReplyWithATaskWritesItToTheSendingUnit() throws {
        let f = try ReferralsFixture()
        defer { f.remove() }
        let r = try f.seed("öberg", question: "Knäsmärta", daysAgo: 10,
                           steps: [.send, .confirmReceipt, .accept, .book(on: ReferralsFixture.clock.today.adding(days: -2)),
                                   .markSeen])
        let (other, _) = try f.receiverApp()
        other.press(.function(5), .char("x"))
        #expect(other.screenText.contains("Svara"))
        other.press(.enter)
        #expect(other.screenText.contains("Uppgift till remittenten"))
        other.type("Artros, ingen operation. Fysioterapi.")
        other.press(.enter)
        other.type("Remittera till fysioterapin")
        other.press(.enter)
        #expect(other.screenText.contains("Status nu besvarad. Uppgift till Vårdcentralen Ekbacken."))
        let tasks = try f.store.tasks(of: r.patientId, as: ReferralsFixture.nurseContext).tasks
        #expect(tasks.map(\.text) == ["Remittera till fysioterapin"])
        #expect(tasks.first?.toUnitId == AppFixture.vc && tasks.first?.unitId == ReferralsFixture.ortho)
    }
}
