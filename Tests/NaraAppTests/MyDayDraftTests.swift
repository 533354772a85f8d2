import Foundation
@testable import NaraApp
import NaraDomain
import Testing
import TerminalUI

/// A Min dag form's input outlives a session that ends mid-form, and comes back into the
/// same form about the same patient.
@Suite struct MyDayDraftTests {
    @Test func aTaskFormComesBackAfterAHangUp() throws {
        let f = try MyDayAppTests.started()
        defer { f.remove() }
        let screen = try #require(f.app.state.top as? MyDayScreen)
        let patient = try #require(screen.state.selectedPatient)
        f.press(.char("t"))
        f.type("Ring dottern")
        #expect(f.app.state.hasUnsavedInput)
        #expect(f.app.sessionEnded())

        let again = App(store: f.store, session: f.app.state.session, language: .sv, width: 80, height: 24,
                        clock: FixedClock(day: WorkListsFixture.day))
        guard case .restoreDraft? = again.state.overlay else {
            Issue.record("no draft offered")
            return
        }
        again.handle(.key(.enter))
        let restored = try #require(again.state.top as? MyDayScreen)
        #expect(restored.state.form?.kind == .newTask(patient.id))
        #expect(restored.state.form?.fields["text"] == "Ring dottern")
        #expect(restored.state.form?.patientLabel.contains(patient.identifier.display) == true)
    }
}
