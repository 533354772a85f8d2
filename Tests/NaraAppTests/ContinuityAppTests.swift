import Foundation
import NaraApp
import NaraDomain
import Testing
import TerminalUI
import TerminalUITesting

/// The continuity screen driven through the real App with keys, on a fixture store.
@Suite struct ContinuityAppTests {
    @Test func withoutAnOpenRecordItSaysSo() throws {
        let f = try ContinuityFixture()
        defer { f.remove() }
        f.press(.function(4))
        #expect(f.text.contains("Ingen patient vald"))
        f.press(.char("a"))
        #expect(f.continuity?.state.form == nil)
    }

    @Test func contactsShowNowAndBeforeWithTheNamedGP() throws {
        let f = try ContinuityFixture()
        defer { f.remove() }
        f.openContinuity()
        #expect(f.app.state.top.id == .continuity)
        let text = f.text
        #expect(text.contains("Åsa Öberg"))
        #expect(text.contains("Karin Berg"))
        #expect(text.contains("Maria Nyberg"))
        #expect(text.contains("Fast läkarkontakt"))
        #expect(text.contains("Per Ek"))
        #expect(text.contains("pågår"))
    }

    @Test func assignANamedContactThroughTheFormWritesAndLogs() throws {
        let f = try ContinuityFixture()
        defer { f.remove() }
        f.openContinuity()
        let writesBefore = try f.store.logRows(patient: f.patient, limit: 1000).filter { $0.action == .write }.count
        f.press(.char("a"))
        #expect(f.text.contains("Ny fast vårdkontakt"))
        #expect(f.continuity?.state.form?.fields["staff"] == "karin.berg")
        f.press(.ctrl("u"))
        f.type("sara.lind")
        #expect(f.text.contains("Sara Lind, sjuksköterska"))
        f.press(.enter)
        f.type("Samordnar KOL-uppföljning")
        f.press(.enter, .enter)
        // Karin Berg is the current one at the unit: the question says she is replaced.
        #expect(f.text.contains("Karin Berg avslutas som"))
        #expect(f.text.contains("från 2026-11-23"))
        f.press(.char("j"))
        #expect(f.continuity?.state.form == nil)
        let record = try f.store.openRecord(f.patient, as: f.app.state.session.context)
        let active = record.activeContacts(on: AppFixture.day, role: .careContact)
        #expect(active.map(\.staffId) == ["sara.lind"])
        let writes = try f.store.logRows(patient: f.patient, limit: 1000).filter { $0.action == .write }
        #expect(writes.count == writesBefore + 1)
        #expect(f.text.contains("Sara Lind är nu fast vårdkontakt."))
    }

    @Test func endTheSelectedContactWithReasonAndConfirmation() throws {
        let f = try ContinuityFixture()
        defer { f.remove() }
        f.openContinuity()
        // Newest start first: the named GP (2025) is first, Karin Berg (2024) second.
        f.press(.char("j"), .char("e"))
        #expect(f.text.contains("Avsluta fast vårdkontakt"))
        f.press(.enter)
        #expect(f.text.contains("Måste fyllas i"))
        f.type("Patienten har flyttat")
        f.press(.enter)
        #expect(f.text.contains("Avsluta Karin Berg som fast vårdkontakt?"))
        f.press(.char("n"))
        #expect(f.continuity?.state.form?.fields["reason"] == "Patienten har flyttat")
        f.press(.enter, .left, .enter)
        #expect(f.continuity?.state.form == nil)
        let record = try f.store.openRecord(f.patient, as: f.app.state.session.context)
        #expect(record.activeContacts(on: AppFixture.day, role: .careContact).isEmpty)
        #expect(record.contacts.contains { $0.staffId == "karin.berg" && $0.endReason == "Patienten har flyttat" })
        #expect(f.text.contains("Karin Berg är inte längre fast vårdkontakt."))
    }

    /// A colleague ends the contact while the form to end it is open: the form says so and
    /// keeps the reason typed.
    @Test func aFormSaysWhenItsContactChangedUnderIt() throws {
        let f = try ContinuityFixture()
        defer { f.remove() }
        f.openContinuity()
        f.app.handleAndSettle(.tick) // the first poll only learns where the store stands
        f.press(.char("j"), .char("e"))
        f.type("Patienten har flyttat")
        let record = try f.store.openRecord(f.patient, as: f.app.state.session.context)
        let karin = try #require(record.contacts.first { $0.staffId == "karin.berg" && $0.to == nil })
        _ = try f.store.endContact(karin.id, expectedVersion: karin.version, on: AppFixture.day, reason: "Slutat",
                                   as: AccessContext(staffId: "per.ek", unitId: AppFixture.vc, sessionId: "other"))
        f.app.handleAndSettle(.tick)
        #expect(f.text.contains("Någon annan har ändrat det här"))
        #expect(f.continuity?.state.form?.fields["reason"] == "Patienten har flyttat")
    }

    @Test func registerAnEncounterSeeItFirstAndTheMeasuresChange() throws {
        let f = try ContinuityFixture()
        defer { f.remove() }
        f.openContinuity()
        f.press(.right, .right)
        #expect(f.text.contains("0,60"))
        f.press(.char("n"))
        #expect(f.text.contains("Registrera kontakt"))
        // Top-down from the first field, as on paper: Enter only moves on until the last.
        #expect(f.continuity?.state.form?.fields.focus == 0)
        f.press(.enter, .char("t"))
        #expect(f.continuity?.state.form?.fields["mode"] == "telefon")
        f.press(.enter, .char("n"), .enter, .enter)
        #expect(f.continuity?.state.form != nil, "nothing is saved before the last field")
        f.type("Blodtryck")
        f.press(.enter)
        #expect(f.continuity?.state.form == nil)
        #expect(f.continuity?.state.tab == .encounters)
        let firstRow = try #require(f.screen.first { $0.contains("2026-") })
        #expect(firstRow.contains("2026-11-23") && firstRow.contains("telefon") && firstRow.contains("nej"))
        #expect(firstRow.contains("Karin Berg"))
        f.press(.right)
        // All staff: A A B A C K → UPC 3/6; nurses now have one encounter.
        let upc = try #require(f.screen.first { $0.hasPrefix(" UPC") })
        #expect(upc.contains("0,60       –    0,50"))
        let n = try #require(f.screen.first { $0.hasPrefix(" Vårdkontakter (N)") })
        #expect(n.contains("5       1       6"))
    }

    /// An encounter registered in error is annulled with a reason: it stays in the list,
    /// dim and marked "makulerad", and the measures are back to what they were.
    @Test func annulAnEncounterRegisteredInError() throws {
        let f = try ContinuityFixture()
        defer { f.remove() }
        f.openContinuity()
        f.press(.char("n"), .enter, .char("t"), .enter, .char("n"), .enter, .enter)
        f.type("Fel patient vald")
        f.press(.enter)
        #expect(f.continuity?.state.tab == .encounters)
        f.press(.char("x"))
        #expect(f.text.contains("Makulera telefon 2026-11-23"))
        f.press(.enter)
        #expect(f.text.contains("Måste fyllas i"))
        f.type("Registrerad på fel patient")
        f.press(.enter)
        #expect(f.text.contains("Karin Berg? Den finns") && f.text.contains("räknas inte."))
        f.press(.char("j"))
        #expect(f.continuity?.state.form == nil)
        let firstRow = try #require(f.screen.first { $0.contains("2026-11-23") })
        #expect(firstRow.contains("makulerad"))
        #expect(f.text.contains("Makulerad av Karin Berg"))
        let record = try f.store.openRecord(f.patient, as: f.app.state.session.context)
        #expect(record.annulled.encounters.count == 1)
        f.press(.right)
        let upc = try #require(f.screen.first { $0.hasPrefix(" UPC") })
        #expect(upc.contains("0,60"))
        // A second x on the annulled row says what can be annulled instead of opening a form.
        f.press(.left, .char("x"))
        #expect(f.continuity?.state.form == nil)
        #expect(f.text.contains("Välj en vårdkontakt eller fast kontakt att makulera."))
    }

    @Test func slashFiltersTheEncountersByWhatTheRowsSay() throws {
        let f = try ContinuityFixture()
        defer { f.remove() }
        f.openContinuity()
        f.press(.right, .char("/"))
        f.type("per ek")
        #expect(f.app.state.top.id == .continuity)
        #expect(f.text.contains("/per ek") && f.text.contains("3 av 5"))
        #expect(!f.text.contains("Eva Strand") && !f.text.contains("Lars Holm"))
        f.press(.enter)
        #expect(f.continuity?.state.filter.isEditing == false)
        f.press(.escape)
        #expect(f.app.state.top.id == .continuity)
        #expect(f.text.contains("Eva Strand"))
        // A filter belongs to its list: another tab shows everything again.
        f.press(.char("/"))
        f.type("strand")
        f.press(.enter, .left)
        #expect(f.continuity?.state.filter.isShown == false)
        #expect(f.text.contains("Karin Berg"))
    }

    @Test func escOnAFormWithInputAsksFirstAndWithoutInputCloses() throws {
        let f = try ContinuityFixture()
        defer { f.remove() }
        f.openContinuity()
        f.press(.char("n"), .escape)
        #expect(f.continuity?.state.form == nil)
        #expect(f.app.state.top.id == .continuity)
        f.press(.char("n"), .backTab)
        f.type("Sår")
        #expect(f.app.state.hasUnsavedInput)
        f.press(.escape)
        #expect(f.text.contains("Släng det du har skrivit?"))
        f.press(.char("n"))
        #expect(f.continuity?.state.form?.fields["reason"] == "Sår")
        f.press(.escape, .char("j"))
        #expect(f.continuity?.state.form == nil)
        f.press(.escape)
        #expect(f.app.state.top.id != .continuity)
    }

    @Test func aPlanConflictShowsWhoAndKeepsTheInput() throws {
        let f = try ContinuityFixture()
        defer { f.remove() }
        f.openContinuity()
        f.press(.char("p"))
        #expect(f.text.contains("Ändra SIP"))
        // A colleague saves the plan after this screen read it.
        let plan = try #require(f.app.state.patient?.plans.first)
        var theirs = plan
        theirs.goal = "Annat mål"
        let colleague = AccessContext(staffId: "per.ek", unitId: AppFixture.vc, sessionId: "other")
        _ = try f.store.savePlan(theirs, as: colleague)
        f.press(.ctrl("u"))
        f.type("Trygg hemma")
        for _ in 0..<14 { f.press(.enter) }
        #expect(f.text.contains("Ändrat av Per Ek"))
        #expect(f.continuity?.state.form?.fields["goal"] == "Trygg hemma")
    }

    @Test func theWorkedExampleShowsUPCCOCAndSECON() throws {
        let f = try ContinuityFixture()
        defer { f.remove() }
        f.openContinuity()
        f.press(.backTab, .backTab)
        let text = f.text
        #expect(text.contains("0,60"))
        #expect(text.contains("0,30"))
        #expect(text.contains("0,25"))
        #expect(text.contains("Per Ek"))
    }

    @Test func helpListsTheScreensKeys() throws {
        let f = try ContinuityFixture()
        defer { f.remove() }
        f.openContinuity()
        f.press(.function(1))
        #expect(f.text.contains("Utse fast läkarkontakt"))
    }

    // MARK: - Snapshots

    @Test(arguments: [Language.sv, .en])
    func contactsTab(language: Language) throws {
        let f = try ContinuityFixture(language: language)
        defer { f.remove() }
        f.openContinuity()
        f.press(.char("j"))
        assertSnapshot(f.render(), named: "continuity-contacts-\(language.rawValue)-80x24")
    }

    @Test(arguments: [Language.sv, .en])
    func measuresTab(language: Language) throws {
        let f = try ContinuityFixture(language: language)
        defer { f.remove() }
        f.openContinuity()
        f.press(.tab, .tab)
        assertSnapshot(f.render(), named: "continuity-measures-\(language.rawValue)-80x24")
    }

    /// `s` counts every unit's encounters and says so; again, the listing unit's.
    @Test func theMeasuresSwitchBetweenTheListingUnitAndAllUnits() throws {
        let f = try ContinuityFixture()
        defer { f.remove() }
        f.openContinuity()
        f.press(.tab, .tab)
        #expect(f.text.contains("· listningsenheten"))
        f.press(.char("s"))
        #expect(f.text.contains("· alla enheter"))
        f.press(.char("s"))
        #expect(f.text.contains("· listningsenheten"))
    }

    @Test func encountersAndPlanAndForm() throws {
        let f = try ContinuityFixture()
        defer { f.remove() }
        f.openContinuity()
        f.press(.tab)
        assertSnapshot(f.render(), named: "continuity-encounters-sv-80x24")
        f.press(.tab, .tab)
        assertSnapshot(f.render(), named: "continuity-plan-sv-80x24")
        f.press(.char("n"))
        f.press(.enter, .enter, .enter, .enter, .enter)
        assertSnapshot(f.render(), named: "continuity-encounter-form-errors-sv-80x24")
    }

    @Test func largeWindowShowsTheSummaryUnderTheList() throws {
        let f = try ContinuityFixture(width: 120, height: 40)
        defer { f.remove() }
        f.openContinuity()
        assertSnapshot(f.render(), named: "continuity-contacts-sv-120x40")
    }
}

/// The nurse review's blocker: `c n Enter t Enter` saved a visit with the reason "t".
@Suite struct StrayKeysSaveNothingTests {
    @Test func aStrayEnterAndLetterSaveNoEncounter() throws {
        let f = try ContinuityFixture()
        defer { f.remove() }
        f.openContinuity()
        let before = try f.store.openRecord(f.patient, as: f.app.state.session.context).encounters.count
        f.press(.char("n"), .enter, .char("t"), .enter)
        #expect(f.continuity?.state.form != nil)
        // Even on the last field, a reason must say something.
        f.press(.enter, .enter)
        f.type("t")
        f.press(.enter)
        #expect(f.text.contains("Skriv en orsak med minst tre bokstäver"), "\(f.text)")
        #expect(try f.store.openRecord(f.patient, as: f.app.state.session.context).encounters.count == before)
    }
}

/// Staff pickers start at the user, narrow as names are typed, and offer only those who
/// may be chosen (the nurse review: a medical secretary was accepted as fast vårdkontakt).
@Suite struct StaffPickerTests {
    @Test func typingNarrowsTheChoiceAndOnlyCliniciansAreOffered() throws {
        let f = try ContinuityFixture()
        defer { f.remove() }
        try f.store.addStaff(Staff(id: "sofia.sekr", name: "Sofia Johansson", profession: .secretary,
                                   unitId: AppFixture.vc, roles: [.secretary]))
        f.openContinuity()
        f.press(.char("a"), .ctrl("u"))
        f.type("sa")
        f.press(.right)
        #expect(f.continuity?.state.form?.fields["staff"] == "sara.lind")
        f.press(.right)
        let stillSara = f.continuity?.state.form?.fields["staff"]
        #expect(stillSara == "sara.lind")
        // The secretary is never offered, and typed by hand she is refused by name.
        f.press(.ctrl("u"))
        f.type("sofia.sekr")
        f.press(.enter)
        f.type("Samordning")
        f.press(.enter, .enter)
        #expect(f.continuity?.state.form?.fields.fields[0].error
            == "Sofia Johansson träffar inte patienter och kan inte vara fast vårdkontakt")
        #expect(f.text.contains("Sofia Johansson träffar inte patienter"))
    }
}
