import NaraApp
import NaraDomain
import Testing
import TerminalUI
import TerminalUITesting

/// Whole screens compared with reviewed snapshots (`NARA_RECORD_SNAPSHOTS=1` re-records).
@Suite struct AppSnapshotTests {
    @Test(arguments: [Language.sv, .en])
    func searchScreenWithResults(language: Language) throws {
        let f = try AppFixture(language: language)
        defer { f.remove() }
        f.type("19")
        f.press(.down)
        assertSnapshot(f.view.render(f.app).buffer, named: "search-results-\(language.rawValue)-80x24")
    }

    @Test func emptySearchScreenAt120x40() throws {
        let f = try AppFixture(width: 120, height: 40)
        defer { f.remove() }
        assertSnapshot(f.view.render(f.app).buffer, named: "search-empty-120x40")
    }

    @Test(arguments: [Language.sv, .en])
    func helpOverlay(language: Language) throws {
        let f = try AppFixture(language: language)
        defer { f.remove() }
        f.press(.function(1))
        assertSnapshot(f.view.render(f.app).buffer, named: "help-\(language.rawValue)-80x24")
    }

    @Test func overviewOfTheOpenedPatient() throws {
        let f = try AppFixture()
        defer { f.remove() }
        f.type("öberg")
        f.press(.enter)
        assertSnapshot(f.view.render(f.app).buffer, named: "overview-opened-80x24")
    }

    @Test func tooSmall() throws {
        let f = try AppFixture(width: 60, height: 20)
        defer { f.remove() }
        assertSnapshot(f.view.render(f.app).buffer, named: "too-small-60x20")
    }

    @Test func asciiBorders() throws {
        let f = try AppFixture()
        defer { f.remove() }
        f.press(.function(6))
        assertSnapshot(AppView(glyphs: .ascii).render(f.app).buffer, named: "worklists-ascii-80x24")
    }
}

/// A deceased patient, marked wherever the patient is named: the search row, the
/// overview's header.
@Suite struct DeceasedPatientAppTests {
    static func fixture(_ language: Language) throws -> AppFixture {
        let f = try AppFixture(language: language)
        let ident = try PersonIdentifier.parse("19450303-4565", today: AppFixture.day)
        var batch = ExchangeBatch()
        batch.patients = [Exchanged(origin: ExchangeOrigin(position: 1, resourceType: "Patient", resourceId: "p1"),
                                    resourceId: "p1",
                                    value: ExchangedPatient(patient: Patient(id: PatientID(0), identifier: ident,
                                                                             givenName: "Åsa", familyName: "Öberg",
                                                                             sex: .female, birthDate: ident.birthDate,
                                                                             deceasedOn: LocalDate(year: 2026, month: 3, day: 1))))]
        _ = try f.store.importBatch(batch, source: "death.json", as: f.app.state.session.context)
        return f
    }

    @Test(arguments: [Language.sv, .en])
    func searchAndOverviewMarkTheDeath(language: Language) throws {
        let f = try Self.fixture(language)
        defer { f.remove() }
        f.type("öberg")
        #expect(f.text.contains("† Åsa Öberg"))
        assertSnapshot(f.view.render(f.app).buffer, named: "deceased-search-\(language.rawValue)-80x24")
        f.press(.enter)
        #expect(f.text.contains(language == .sv ? "† Avliden 2026-03-01" : "† Deceased 2026-03-01"))
        assertSnapshot(f.view.render(f.app).buffer, named: "deceased-overview-\(language.rawValue)-80x24")
    }
}
