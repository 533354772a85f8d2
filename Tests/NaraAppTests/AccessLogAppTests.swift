import Foundation
@testable import NaraApp
import NaraDomain
import NaraStore
import Testing
import TerminalUI
import TerminalUITesting

/// The access-log screen through the real app: the nurse's extract of an open patient,
/// and an administrator's review of the week.
@Suite struct AccessLogAppTests {
    private func opened(_ language: Language = .sv) throws -> AppFixture {
        let f = try AppFixture(language: language)
        f.type("åst")
        f.press(.enter)
        f.press(.function(7))
        return f
    }

    /// A second app on the same store, run by an administrator.
    private func administrator(_ f: AppFixture, language: Language = .sv) throws -> App {
        let admin = Staff(id: "admin.ek", name: "Ada Admin", profession: .other, unitId: AppFixture.vc,
                          roles: [.administrator])
        try f.store.addStaff(admin)
        let context = AccessContext(staffId: admin.id, unitId: AppFixture.vc, sessionId: "admin")
        let session = Session(staff: admin, unit: try f.store.unit(AppFixture.vc)!, isDemoStore: true, context: context)
        let clock = FixedClock(AppFixture.day.noon(in: .stockholm).addingTimeInterval(-7200))
        return App(store: f.store, session: session, language: language, width: 80, height: 24, clock: clock)
    }

    @Test func f7ShowsTheOpenPatientsExtractAndLogsTheLook() throws {
        let f = try opened()
        defer { f.remove() }
        #expect(f.app.state.top.id == .accessLog)
        #expect(f.text.contains("Loggutdrag · 19520101-7372 Jörgen Åström"))
        #expect(f.text.contains("2026-11-23 10:00"))
        #expect(f.text.contains("Karin Berg"))
        #expect(f.text.contains("läsning"))
        let rows = try f.store.logRows(patient: f.app.state.patient!.patient.id, limit: 10)
        #expect(rows.first?.detail == "log extract [listing]")
        #expect(rows.filter { $0.detail.hasPrefix("log extract") }.count == 1)
        // A reload does not log the look again.
        f.press(.char("u"))
        #expect(try f.store.logRows(patient: f.app.state.patient!.patient.id, limit: 10)
            .filter { $0.detail.hasPrefix("log extract") }.count == 1)
        // Esc is the program's: back to the overview.
        f.press(.escape)
        #expect(f.app.state.top.id == .overview)
    }

    @Test func slashFiltersTheExtractByWhoAndEscShowsItAll() throws {
        let f = try opened()
        defer { f.remove() }
        let all = try #require((f.app.state.top as? AccessLogScreen)?.state.extract.count)
        f.press(.char("/"))
        f.type("karin")
        #expect(f.app.state.top.id == .accessLog)
        #expect(f.text.contains("/karin") && f.text.contains("av \(all)"))
        f.type("zz")
        #expect(f.text.contains("0 av \(all)") && !f.text.contains("2026-11-23 10:00"))
        f.press(.enter, .escape)
        #expect(f.app.state.top.id == .accessLog)
        #expect(f.text.contains("2026-11-23 10:00") && !f.text.contains("/karinzz"))
        f.press(.escape)
        #expect(f.app.state.top.id == .overview)
    }

    @Test func withNoPatientOpenTheExtractSaysSo() throws {
        let f = try AppFixture()
        defer { f.remove() }
        f.press(.function(7))
        #expect(f.app.state.top.id == .accessLog)
        #expect(f.text.contains("Ingen patient är öppnad."))
    }

    @Test func theNurseIsToldOnlyAdministratorsReview() throws {
        let f = try opened()
        defer { f.remove() }
        f.press(.tab)
        #expect(f.text.contains("Endast administratörer gör logguppföljning."))
        f.press(.char("m"))
        #expect(f.app.state.top.capturesKeys == false)
        f.press(.backTab)
        #expect(f.text.contains("Karin Berg"))
    }

    @Test func anAdministratorReviewsARowWithAComment() throws {
        let f = try AppFixture()
        defer { f.remove() }
        let app = try administrator(f)
        let view = AppView()
        app.handle(.key(.function(7)))
        app.handle(.key(.tab))
        var text = view.render(app).buffer.lines.joined(separator: "\n")
        #expect(text.contains("Logguppföljning 2026-11-17–2026-11-23"))
        #expect(text.contains("ej granskad"))
        app.handle(.key(.char("m")))
        #expect(app.state.top.capturesKeys)
        #expect(view.render(app).buffer.lines.joined().contains("Granska loggrad"))
        app.handle(.key(.enter))
        #expect(view.render(app).buffer.lines.joined().contains("En kommentar krävs."))
        "Registrering vid listning".forEach { app.handle(.key(.char($0))) }
        app.handle(.key(.enter))
        #expect(app.state.top.capturesKeys == false)
        text = view.render(app).buffer.lines.joined(separator: "\n")
        #expect(text.contains("Granskningen är sparad."))
        #expect(text.split(separator: "\n").contains { $0.contains("19450303-4565") && $0.contains(" ok ") })
        let reviewed = try f.store.reviewSample(from: AppFixture.day.adding(days: -6), to: AppFixture.day, sample: 20,
                                                seed: UInt64(AppFixture.day.dayNumber),
                                                as: app.state.session.context)
        #expect(reviewed.filter { $0.review != nil }.count == 1)
    }

    @Test(arguments: [Language.sv, .en]) func snapshots(_ language: Language) throws {
        let f = try opened(language)
        defer { f.remove() }
        assertSnapshot(f.view.render(f.app).buffer, named: "accesslog-extract-\(language.rawValue)-80x24")
        let app = try administrator(f, language: language)
        app.handle(.key(.function(7)))
        app.handle(.key(.tab))
        app.handle(.key(.char("m")))
        "x".forEach { app.handle(.key(.char($0))) }
        assertSnapshot(AppView().render(app).buffer, named: "accesslog-review-form-\(language.rawValue)-80x24")
        app.handle(.key(.escape))
        app.handle(.key(.char("n")))
        app.handle(.key(.escape))
        app.handle(.key(.char("j")))
        assertSnapshot(AppView().render(app).buffer, named: "accesslog-review-\(language.rawValue)-80x24")
    }

    @Test func snapshotWide() throws {
        let f = try AppFixture(width: 120, height: 40)
        defer { f.remove() }
        f.type("åst")
        f.press(.enter)
        f.press(.function(7))
        assertSnapshot(f.view.render(f.app).buffer, named: "accesslog-extract-120x40")
    }
}
