import Foundation
@testable import NaraApp
import NaraDomain
import NaraStore
import Testing
import TerminalUI
import TerminalUITesting

/// Min dag and Mina patienter on the demo region, as the demo nurse sees them at the start.
@Suite struct MyDayAppTests {
    static func started(_ language: Language = .sv) throws -> WorkListsFixture {
        let f = try WorkListsFixture(language: language)
        #expect(App.startScreen(for: f.app.state.session.staff) == .myDay)
        f.app.start(at: .myDay)
        while f.app.hasIdleWork { f.app.doIdleWork() }
        return f
    }

    @Test(arguments: [Language.sv, .en]) func theDaySnapshot(_ language: Language) throws {
        let f = try Self.started(language)
        defer { f.remove() }
        #expect(f.app.state.top.id == .myDay)
        assertSnapshot(f.buffer, named: "my-day-\(language.rawValue)-80x24")
    }

    @Test func myPatientsSnapshotAndEnterOpensTheRecord() throws {
        let f = try Self.started()
        defer { f.remove() }
        f.press(.tab)
        #expect(f.text.contains("[Mina patienter]"))
        assertSnapshot(f.buffer, named: "my-patients-sv-80x24")
        f.press(.enter)
        #expect(f.app.state.top.id == .overview)
        // Esc goes back to Min dag, as from a list.
        f.press(.escape)
        #expect(f.app.state.top.id == .myDay)
    }

    @Test func aPlannedContactShowsAsAFollowUpAndNextOnMinaPatienterButCountsAsNoEncounter() throws {
        let f = try Self.started()
        defer { f.remove() }
        f.press(.tab)
        guard let row = (f.app.state.top as? MyDayScreen)?.state.selectedPatientRow else {
            Issue.record("no patient")
            return
        }
        let encounters = try f.store.openRecord(row.patient.id, as: f.app.state.session.context).encounters.count
        f.press(.char("p"))
        #expect(f.text.contains("Planera kontakt"))
        f.type("2026-12-01")
        f.press(.enter)
        f.type("Kontroll av sår")
        f.press(.enter)
        #expect(f.text.contains("Kontakt planerad 2026-12-01"))
        #expect(f.line(containing: row.patient.identifier.display)?.contains("2026-12-01") == true)
        f.press(.tab)
        #expect(try f.store.plannedContacts(from: AppFixture.day, limit: 500, as: f.app.state.session.context)
            .contains { $0.contact.note == "Kontroll av sår" && $0.patient.id == row.patient.id })
        #expect(try f.store.openRecord(row.patient.id, as: f.app.state.session.context).encounters.count == encounters)
    }

    @Test func aCareRequestRegisteredFromARowRunsItsClocksAndContactStopsTheFirst() throws {
        let f = try Self.started()
        defer { f.remove() }
        let before = (f.app.state.top as? MyDayScreen)?.state.loaded.count ?? 0
        f.press(.char("n"))
        #expect(f.text.contains("Ny vårdbegäran"))
        f.press(.enter, .enter)
        f.type("Hosta sedan en vecka")
        f.press(.enter, .enter)
        #expect(f.text.contains("Vårdbegäran registrerad"))
        let screen = try #require(f.app.state.top as? MyDayScreen)
        #expect(screen.state.loaded.count == before + 1)
        f.press(.char("/"))
        f.type("Hosta sedan")
        f.press(.enter)
        #expect(f.line(containing: "telefon, nytt: Ho")?.contains("0 i dag") == true)
        f.press(.char("r"))
        #expect(f.text.contains("0-klockan har stannat"))
        #expect(f.line(containing: "telefon, nytt: Ho")?.contains("0 ✓") == true)
    }
}

extension MyDayAppTests {
    @Test func theTaskFormAndHelpSnapshot() throws {
        let f = try Self.started()
        defer { f.remove() }
        f.press(.char("t"))
        assertSnapshot(f.buffer, named: "my-day-task-form-sv-80x24")
        f.press(.escape, .function(1))
        assertSnapshot(f.buffer, named: "my-day-help-sv-80x24")
    }

    @Test func aCallBackWithoutAnswerIsCountedAndTheRowStaysOnTheCallbackList() throws {
        let f = try Self.started()
        defer { f.remove() }
        let screen = try #require(f.app.state.top as? MyDayScreen)
        let row = try #require(screen.state.rows.first { $0.section == .callbacks })
        f.press(.char("/"))
        f.type(row.patient.identifier.display)
        f.press(.enter)
        f.press(.char("i"))
        #expect(f.text.contains("Inget svar registrerat (1 hittills)"))
        let after = try #require(f.app.state.top as? MyDayScreen)
        #expect(after.state.selectedItem?.section == .callbacks)
        #expect(f.text.contains("1 samtal utan svar"))
    }
}
