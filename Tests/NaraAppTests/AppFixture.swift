import Foundation
import NaraApp
import NaraDomain
import NaraStore
import TerminalUI

/// A small clinic store and an app on a memory terminal, with time pinned.
struct AppFixture {
    let folder: URL
    let store: SQLiteStore
    let app: App
    let view = AppView()
    static let day = LocalDate(year: 2026, month: 11, day: 23)!
    static let vc: UnitID = "SE2321000164-vc01"

    /// At 10:00 on `day`, Swedish time, unless the test brings a clock of its own.
    static let noon = day.noon(in: .stockholm).addingTimeInterval(-7200)

    init(language: Language = .sv, width: Int = 80, height: Int = 24,
         clock: any Clock = FixedClock(AppFixture.noon)) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("nara-app-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try SQLiteStore.open(at: folder.appendingPathComponent("s.sqlite").path,
                                     mode: .createIfMissing(.demo), clock: clock)
        try store.addUnit(CareUnit(id: Self.vc, name: "Vårdcentralen Ekbacken", principal: .region, kind: .primaryCare))
        let nurse = Staff(id: "karin.berg", name: "Karin Berg", profession: .districtNurse, unitId: Self.vc, roles: [.nurse])
        try store.addStaff(nurse)
        let context = AccessContext(staffId: nurse.id, unitId: Self.vc, sessionId: "test")
        for (pnr, given, family, protected) in [("19450303-4565", "Åsa", "Öberg", false),
                                                ("19380524-9244", "Anna", "Oberg", false),
                                                ("19520101-7372", "Jörgen", "Åström", false),
                                                ("19121212-1212", "Tolvan", "Tolvansson", true)] {
            let id = try PersonIdentifier.parse(pnr, today: Self.day)
            _ = try store.registerPatient(NewPatient(identifier: id, givenName: given, familyName: family,
                                                     protectedIdentity: protected),
                                          listedAt: Self.vc, on: LocalDate(year: 2020, month: 1, day: 1)!, as: context)
        }
        let session = Session(staff: nurse, unit: try store.unit(Self.vc)!, isDemoStore: true, context: context)
        app = App(store: store, session: session, language: language, width: width, height: height, clock: clock)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    func press(_ keys: Key...) { keys.forEach { app.handleAndSettle(.key($0)) } }
    func type(_ text: String) { text.forEach { app.handleAndSettle(.key(.char($0))) } }

    var screen: [String] { view.render(app).buffer.lines }
    var text: String { screen.joined(separator: "\n") }
}

extension App {
    /// Handles an event and then, as the runner does when no key follows, the work a
    /// screen left for after its frame.
    func handleAndSettle(_ event: Event) {
        handle(event)
        while hasIdleWork { doIdleWork() }
    }
}
