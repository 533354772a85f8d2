import Foundation
import NaraApp
import NaraDomain
import NaraStore
import TerminalUI
import Testing

/// Samtycke from the patient's screen: a municipal nurse sees that the region's entries
/// wait for consent, asks the patient, and records it with two keys.
@Suite struct ConsentAppTests {
    static let homeCare: UnitID = "SE2120001843-hs01"

    func municipalNurseApp(_ f: AppFixture) throws -> App {
        try f.store.addUnit(CareUnit(id: Self.homeCare, name: "Hemsjukvården Örebro", principal: .municipality,
                                     kind: .homeCare))
        let lena = Staff(id: "lena.ek", name: "Lena Ek", profession: .nurse, unitId: Self.homeCare, roles: [.municipalNurse])
        try f.store.addStaff(lena)
        let id = try #require(try f.store.searchPatients("öberg", limit: 1, as: testNurse).first?.id)
        _ = try f.store.addProblem(id, code: "I50", text: "Hjärtsvikt", chronic: true, since: nil, as: testNurse)
        _ = try f.store.savePlan(CoordinatedPlan(id: 0, patientId: id, responsibleUnitId: AppFixture.vc,
                                                 participants: [PlanParticipant(unitId: Self.homeCare, role: "Hemsjukvård")],
                                                 goal: "Bo kvar hemma", agreedOn: AppFixture.day, followUpOn: nil,
                                                 consentOn: AppFixture.day), as: testNurse)
        let context = AccessContext(staffId: lena.id, unitId: Self.homeCare, sessionId: "lena")
        let session = Session(staff: lena, unit: try #require(try f.store.unit(Self.homeCare)), isDemoStore: true,
                              context: context)
        return App(store: f.store, session: session, language: .sv, width: 80, height: 24,
                   clock: FixedClock(AppFixture.day.noon(in: .stockholm).addingTimeInterval(-7200)))
    }

    @Test func theRegionsEntriesWaitForConsentAndSAndJRecordIt() throws {
        let f = try AppFixture()
        defer { f.remove() }
        let app = try municipalNurseApp(f)
        "öberg".forEach { app.handleAndSettle(.key(.char($0))) }
        app.handleAndSettle(.key(.enter))
        var text = AppView().render(app).buffer.lines.joined(separator: "\n")
        #expect(text.contains("Uppgifter från Region SE2321000164 kräver samtycke (s)"), "\(text)")
        #expect(!text.contains("Hjärtsvikt"))
        app.handleAndSettle(.key(.char("s")))
        text = AppView().render(app).buffer.lines.joined(separator: "\n")
        #expect(text.contains("Samtycker patienten till att du tar del av uppgifter från"))
        #expect(text.contains("Region SE2321000164?"))
        app.handleAndSettle(.key(.char("j")))
        text = AppView().render(app).buffer.lines.joined(separator: "\n")
        #expect(text.contains("Samtycket är registrerat."))
        #expect(text.contains("I50 Hjärtsvikt"), "\(text)")
        let row = try #require(try f.store.logRows(patient: app.state.patient?.patient.id, limit: 2).last)
        #expect(row.staffId == "lena.ek" && row.detail == "consent to read SE2321000164 [coordinated_plan]")
        #expect(text.contains("Samtycke") && text.contains("Uppgifter från Region SE2321000164 visas (s återkallar)"),
                "\(text)")
        // With the consent in force, s asks whether the patient takes it back.
        app.handleAndSettle(.key(.char("s")))
        text = AppView().render(app).buffer.lines.joined(separator: "\n")
        #expect(text.contains("Återkallar patienten sitt samtycke till uppgifter från"))
        app.handleAndSettle(.key(.char("j")))
        #expect(app.state.message?.text == "Samtycket är återkallat.")
        #expect(app.state.patient?.problems.isEmpty == true)
        #expect(app.state.patient?.hidden.needingConsent == ["SE2321000164"])
    }
}

/// A secretary's overview: who the patient is, their contacts and plans, and a line saying
/// that diagnoses are not part of the role; no empty clinical sections, no alert drawn
/// from encounters she cannot see.
@Suite struct RoleOverviewAppTests {
    @Test func aSecretarySeesNoClinicalSectionsAndNoAlertsFromThem() throws {
        let f = try AppFixture()
        defer { f.remove() }
        let id = try #require(try f.store.searchPatients("öberg", limit: 1, as: testNurse).first?.id)
        _ = try f.store.addProblem(id, code: "I50", text: "Hjärtsvikt", chronic: true, since: nil, as: testNurse)
        try f.store.addStaff(Staff(id: "olle.lak", name: "Olle Läk", profession: .physician, unitId: AppFixture.vc,
                                   roles: [.physician]))
        _ = try f.store.assignContact(NewCareContact(patientId: id, role: .namedPhysician, staffId: "olle.lak",
                                                     unitId: AppFixture.vc, reason: "Fast läkarkontakt",
                                                     from: AppFixture.day), as: testNurse)
        let sara = Staff(id: "sara.sekr", name: "Sara Sekr", profession: .secretary, unitId: AppFixture.vc,
                         roles: [.secretary])
        try f.store.addStaff(sara)
        let session = Session(staff: sara, unit: try #require(try f.store.unit(AppFixture.vc)), isDemoStore: true,
                              context: AccessContext(staffId: sara.id, unitId: AppFixture.vc, sessionId: "sara"))
        let app = App(store: f.store, session: session, language: .sv, width: 80, height: 24,
                      clock: FixedClock(AppFixture.day.noon(in: .stockholm).addingTimeInterval(-7200)))
        "öberg".forEach { app.handleAndSettle(.key(.char($0))) }
        app.handleAndSettle(.key(.enter))
        let text = AppView().render(app).buffer.lines.joined(separator: "\n")
        #expect(text.contains("Diagnoser och vårdkontakter ingår inte i din roll"), "\(text)")
        #expect(text.contains("Fast läkarkontakt  Olle Läk"))
        #expect(!text.contains("Hjärtsvikt") && !text.contains("Kroniska") && !text.contains("COC"))
        #expect(!text.contains("Inte träffat"), "no alert from encounters the role does not read")
    }
}
