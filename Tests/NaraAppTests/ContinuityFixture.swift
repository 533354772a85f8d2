import Foundation
import NaraApp
import NaraDomain
import NaraStore
import TerminalUI

/// The small clinic of `AppFixture` with a history for Åsa Öberg: three doctors seen in
/// the order A A B A C (DOMAIN.md's worked example), a named care contact who replaced
/// one who has since left, a named GP, and a SIP with the home care whose follow-up
/// has passed.
struct ContinuityFixture {
    let base: AppFixture
    let patient: PatientID
    static let homeCare: UnitID = "SE2321000164-hs01"

    var app: App { base.app }
    var store: SQLiteStore { base.store }
    var text: String { base.text }
    var screen: [String] { base.screen }

    init(language: Language = .sv, width: Int = 80, height: Int = 24) throws {
        base = try AppFixture(language: language, width: width, height: height)
        let store = base.store
        let vc = AppFixture.vc
        try store.addUnit(CareUnit(id: Self.homeCare, name: "Hemsjukvården Ekbacken", principal: .municipality,
                                   kind: .homeCare))
        for (id, name, profession) in [("per.ek", "Per Ek", Profession.physician),
                                       ("lars.holm", "Lars Holm", .physician),
                                       ("eva.strand", "Eva Strand", .physician),
                                       ("sara.lind", "Sara Lind", .nurse),
                                       ("maria.nyberg", "Maria Nyberg", .nurse)] {
            try store.addStaff(Staff(id: StaffID(id), name: name, profession: profession, unitId: vc,
                                     roles: [profession == .physician ? .physician : .nurse]))
        }
        let context = base.app.state.session.context
        guard let id = try store.patientID(for: PersonIdentifier.parse("19450303-4565", today: AppFixture.day)) else {
            throw StoreError.notFound("fixture patient")
        }
        patient = id
        for (staff, day) in [("per.ek", "2026-03-02"), ("per.ek", "2026-05-04"), ("lars.holm", "2026-06-01"),
                             ("per.ek", "2026-08-03"), ("eva.strand", "2026-10-05")] {
            let at = LocalDate(iso: day)!.noon(in: .stockholm).addingTimeInterval(-3 * 3600)
            _ = try store.recordEncounter(NewEncounter(patientId: patient, at: at, mode: .visit, planned: true,
                                                       staffId: StaffID(staff), unitId: vc, reason: "Diabeteskontroll"),
                                          as: context)
        }
        for (i, day) in ["2025-03-03", "2025-09-01", "2026-03-02", "2026-08-03"].enumerated() {
            let at = LocalDate(iso: day)!.noon(in: .stockholm).addingTimeInterval(-3 * 3600)
            _ = try store.recordObservation(Observation(id: 0, patientId: patient, kind: .hba1c,
                                                        value: [64, 58, 55, 51][i], at: at, unitId: vc), as: context)
            _ = try store.recordObservation(Observation(id: 0, patientId: patient, kind: .bloodPressure,
                                                        value: [156, 149, 151, 138][i], value2: [92, 88, 90, 82][i],
                                                        at: at, unitId: vc), as: context)
        }
        _ = try store.assignContact(NewCareContact(patientId: patient, role: .careContact, staffId: "maria.nyberg",
                                                   unitId: vc, reason: "Hjärtsvikt", from: LocalDate(iso: "2022-01-10")!),
                                    as: context)
        _ = try store.assignContact(NewCareContact(patientId: patient, role: .careContact, staffId: "karin.berg",
                                                   unitId: vc, reason: "Diabetes och hjärtsvikt",
                                                   from: LocalDate(iso: "2024-02-01")!), as: context)
        try store.setStaffActive("maria.nyberg", active: false)
        _ = try store.assignContact(NewCareContact(patientId: patient, role: .namedPhysician, staffId: "per.ek",
                                                   unitId: vc, reason: "Listad", from: LocalDate(iso: "2025-01-01")!),
                                    as: context)
        _ = try store.savePlan(CoordinatedPlan(id: 0, patientId: patient, responsibleUnitId: vc,
                                               participants: [PlanParticipant(unitId: Self.homeCare, role: "hemsjukvård")],
                                               goal: "Bo kvar hemma med stöd av hemsjukvården",
                                               agreedOn: LocalDate(iso: "2026-06-01")!,
                                               followUpOn: LocalDate(iso: "2026-11-01")!), as: context)
    }

    func remove() { base.remove() }
    func press(_ keys: Key...) { keys.forEach { base.app.handleAndSettle(.key($0)) } }
    func type(_ text: String) { base.type(text) }

    /// Search, open the record, F4: the way a nurse gets here.
    func openContinuity() {
        base.type("öberg")
        base.press(.enter, .function(4))
    }

    var continuity: ContinuityScreen? { app.state.top as? ContinuityScreen }
    func render() -> Buffer { base.view.render(app).buffer }
}
