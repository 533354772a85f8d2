import Foundation
import NaraApp
import NaraDomain
import NaraStore
import Testing
import TerminalUI

/// A session that ends mid-form (the terminal hangs up) keeps the input as a draft, and
/// the next start offers it back into the same form for the same patient.
@Suite struct DraftAppTests {
    static let clock = FixedClock(AppFixture.day.noon(in: .stockholm).addingTimeInterval(-7200))

    /// The next session of the same nurse on the same store: a new App, as a new start.
    func nextStart(_ f: ContinuityFixture) -> App {
        App(store: f.store, session: f.app.state.session, language: .sv, width: 80, height: 24, clock: Self.clock)
    }

    @Test func aHangUpMidEncounterKeepsTheDraftAndTheNextStartRestoresIt() throws {
        let f = try ContinuityFixture()
        defer { f.remove() }
        f.openContinuity()
        f.press(.char("n"), .backTab)
        f.type("Yrsel sedan i går")
        let backend = MemoryBackend()
        backend.hangUp()
        AppRunner.run(f.app, backend: backend, view: AppView())
        let kept = try #require(try f.store.draft(for: "karin.berg"))
        #expect(kept.patientId == f.patient)
        #expect(kept.screen == "continuity" && kept.form == "encounter")
        #expect(kept.fields["reason"] == "Yrsel sedan i går")

        let next = nextStart(f)
        let offer = next.screenText
        #expect(offer.contains("Utkast sparat 10:00"), "\(offer)")
        #expect(offer.contains("Åsa Öberg"))
        next.press(.char("j"))
        let form = try #require((next.state.top as? ContinuityScreen)?.state.form)
        #expect(form.kind == .encounter)
        #expect(form.fields["reason"] == "Yrsel sedan i går")
        #expect(form.fields.focus == 4)
        #expect(next.state.patient?.patient.id == f.patient)
        #expect(next.screenText.contains("Utkastet är återställt"))
        #expect(try f.store.draft(for: "karin.berg") == nil)
        // It saves like a form typed now.
        next.press(.enter)
        #expect(try f.store.openRecord(f.patient, as: f.app.state.session.context).encounters
            .contains { $0.reason == "Yrsel sedan i går" })
    }

    @Test func declinedDraftIsGoneAndNothingIsOfferedTwice() throws {
        let f = try ContinuityFixture()
        defer { f.remove() }
        f.openContinuity()
        f.press(.char("p"))
        f.type(" och promenera dagligen")
        #expect(f.app.sessionEnded())
        let next = nextStart(f)
        #expect(next.screenText.contains("Utkast"))
        next.press(.char("n"))
        #expect(try f.store.draft(for: "karin.berg") == nil)
        #expect(!nextStart(f).screenText.contains("Utkast"))
    }

    @Test func aPlanDraftComesBackIntoTheSamePlan() throws {
        let f = try ContinuityFixture()
        defer { f.remove() }
        f.openContinuity()
        f.press(.char("p"))
        f.type(", med trygghetslarm")
        let before = try #require(f.continuity?.state.form)
        #expect(f.app.sessionEnded())
        let next = nextStart(f)
        next.press(.enter)
        let form = try #require((next.state.top as? ContinuityScreen)?.state.form)
        #expect(form.kind == before.kind)
        #expect(form.fields["goal"] == "Bo kvar hemma med stöd av hemsjukvården, med trygghetslarm")
    }

    @Test func aNewReferralDraftComesBack() throws {
        let f = try ContinuityFixture()
        defer { f.remove() }
        f.base.type("öberg")
        f.press(.enter, .function(5), .char("n"))
        f.type("Vård")
        f.press(.tab, .tab)
        f.type("Bedömning av knäled")
        #expect(f.app.sessionEnded())
        let next = nextStart(f)
        next.press(.char("j"))
        let screen = try #require(next.state.top as? ReferralsScreen)
        guard case .form(let form) = screen.state.overlay else { Issue.record("no form"); return }
        #expect(form.fields["question"] == "Bedömning av knäled")
        #expect(form.fields["unit"] == "Vård")
        #expect(form.fields.focus == 2)
    }

    @Test func nothingTypedOrQuittingOnPurposeKeepsNoDraft() throws {
        let f = try ContinuityFixture()
        defer { f.remove() }
        f.openContinuity()
        f.press(.char("n"))
        // Only the defaults: nothing to keep.
        #expect(!f.app.sessionEnded())
        f.type("Hosta")
        let backend = MemoryBackend()
        backend.send(keys: [.function(10), .char("j")])
        AppRunner.run(f.app, backend: backend, view: AppView())
        #expect(f.app.shouldQuit)
        #expect(try f.store.draft(for: "karin.berg") == nil)
    }
}

/// F10 and Ctrl-C are one decision when a form holds input: keep it as a draft, throw it
/// away, or stay (the nurse review: Ctrl-C used to quit without a draft while F10 asked).
@Suite struct LeavingAFormTests {
    @Test(arguments: [Key.function(10), .ctrl("c")])
    func quittingWithInputOffersADraftAndStayingIsTheDefault(key: Key) throws {
        let f = try ContinuityFixture()
        defer { f.remove() }
        f.openContinuity()
        f.press(.char("n"), .backTab)
        f.type("Hosta sedan en vecka")
        f.press(key)
        #expect(f.text.contains("Du har text som inte är sparad. Vad ska hända med den?"), "\(f.text)")
        #expect(f.text.contains("Utkast (u)") && f.text.contains("Släng (j)") && f.text.contains("Stanna (n)"))
        f.press(.enter)  // Stay is chosen until the nurse moves
        #expect(!f.app.shouldQuit && f.continuity?.state.form?.fields["reason"] == "Hosta sedan en vecka")
        f.press(key, .char("u"))
        #expect(f.app.shouldQuit)
        let kept = try #require(try f.store.draft(for: "karin.berg"))
        #expect(kept.fields["reason"] == "Hosta sedan en vecka")
    }
}
