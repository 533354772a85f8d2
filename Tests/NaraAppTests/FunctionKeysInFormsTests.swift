import Foundation
import NaraApp
import NaraDomain
import NaraStore
import Testing
import TerminalUI

/// One key policy: the function keys are the program's in every screen, form and dialog.
/// F1 helps over a form, F10 quits (asking about input), and F2–F7 go to their screen,
/// asking first when a form has input: keep it as a draft, throw it away, or stay.
@Suite struct FunctionKeysInFormsTests {
    @Test func anotherScreensKeyAsksAboutTheInputAndTheDraftComesBack() throws {
        let f = try ContinuityFixture()
        defer { f.remove() }
        f.openContinuity()
        f.press(.char("n"), .backTab)
        f.type("Yrsel sedan i går")
        f.press(.function(5))
        #expect(f.text.contains("Lämna formuläret"))
        #expect(f.text.contains("Du har text som inte är sparad"))
        #expect(f.app.state.top.id == .continuity)
        // Stay: the form is as it was.
        f.press(.char("n"))
        #expect(f.continuity?.state.form?.fields["reason"] == "Yrsel sedan i går")
        // Draft: kept in the store, the other screen opens, the draft is offered on return.
        f.press(.function(5), .char("u"))
        #expect(f.app.state.top.id == .referrals)
        #expect(f.text.contains("Utkastet är sparat"))
        #expect(try f.store.draft(for: "karin.berg")?.fields["reason"] == "Yrsel sedan i går")
        f.press(.function(4))
        #expect(f.text.contains("Utkast sparat"), "the kept draft is offered back")
        f.press(.char("j"))
        #expect(f.continuity?.state.form?.fields["reason"] == "Yrsel sedan i går")
        #expect(try f.store.draft(for: "karin.berg") == nil)
    }

    @Test func discardGoesWithoutADraftAndAnEmptyFormJustGoes() throws {
        let f = try ContinuityFixture()
        defer { f.remove() }
        f.openContinuity()
        f.press(.char("n"), .backTab)
        f.type("Sår")
        f.press(.function(3), .char("j"))
        #expect(f.app.state.top.id == .overview)
        #expect(try f.store.draft(for: "karin.berg") == nil)
        f.press(.function(4))
        #expect(f.continuity?.state.form == nil)
        // A form with nothing typed asks nothing.
        f.press(.char("n"), .function(2))
        #expect(f.app.state.top.id == .search)
    }

    @Test func f1HelpsOverAFormAndEscReturnsToIt() throws {
        let f = try ContinuityFixture()
        defer { f.remove() }
        f.openContinuity()
        f.press(.char("n"), .backTab)
        f.type("Sår")
        f.press(.function(1))
        guard case .help? = f.app.state.overlay else { Issue.record("no help"); return }
        f.press(.escape)
        #expect(f.continuity?.state.form?.fields["reason"] == "Sår")
        f.press(.function(10))
        #expect(f.text.contains("Avsluta") && f.text.contains("Du har text som inte är sparad"))
    }
}
