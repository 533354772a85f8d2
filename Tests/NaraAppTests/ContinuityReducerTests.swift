import Foundation
@testable import NaraApp
import NaraDomain
import Testing
import TerminalUI

/// The reducer without a store: a record and a directory in memory.
enum ContinuityWorld {
    static let today = LocalDate(year: 2026, month: 11, day: 23)!
    static let now = today.noon(in: ClockZone.stockholm)
    static let vc: UnitID = "vc"
    static let unit = CareUnit(id: vc, name: "VC Ekbacken", principal: .region, kind: .primaryCare)
    static let home = CareUnit(id: "hs", name: "Hemsjukvården", principal: .municipality, kind: .homeCare)
    static let nurse = Staff(id: "karin", name: "Karin Berg", profession: .districtNurse, unitId: vc)
    static let doctor = Staff(id: "per", name: "Per Ek", profession: .physician, unitId: vc)
    static let gone = Staff(id: "maria", name: "Maria Nyberg", profession: .nurse, unitId: vc, active: false)
    static let elsewhere = Staff(id: "olle", name: "Olle Ny", profession: .nurse, unitId: "hs")
    static let staff = [nurse, doctor, gone, elsewhere]
    static let patient = PatientID(1)

    static func record(contacts: [CareContact] = defaultContacts, encounters: [Encounter] = [],
                       plans: [CoordinatedPlan] = []) -> PatientRecord {
        let p = Patient(id: patient, identifier: try! PersonIdentifier.parse("19450303-4565", today: today),
                        givenName: "Åsa", familyName: "Öberg", sex: .female, birthDate: nil)
        return PatientRecord(patient: p, listings: [], contacts: contacts, problems: [], encounters: encounters,
                             referrals: [], plans: plans, discharges: [],
                             staff: Dictionary(uniqueKeysWithValues: staff.map { ($0.id, $0) }),
                             units: [vc: unit, "hs": home])
    }

    static let defaultContacts = [
        CareContact(id: 1, patientId: patient, role: .careContact, staffId: "karin", unitId: vc, reason: "Diabetes",
                    from: LocalDate(iso: "2024-01-01")!),
        CareContact(id: 2, patientId: patient, role: .careContact, staffId: "maria", unitId: vc, reason: "KOL",
                    from: LocalDate(iso: "2020-01-01")!, to: LocalDate(iso: "2024-01-01")!, endReason: "Slutat"),
    ]

    static func env(_ language: Language = .sv, record: PatientRecord? = record()) -> ContinuityEnvironment {
        ContinuityEnvironment(strings: .of(language), today: today, now: now, user: nurse, unit: unit, record: record,
                              visibleRows: { _ in 5 }, unitStaff: { staff.filter { $0.unitId == vc && $0.active } },
                              staff: { id in staff.first { $0.id == id } }, units: { [unit, home] })
    }

    static func encounter(_ id: Int64, _ day: String, _ staff: StaffID) -> Encounter {
        Encounter(id: id, patientId: patient, at: LocalDate(iso: day)!.noon(in: ClockZone.stockholm), mode: .visit,
                  planned: true, staffId: staff, unitId: vc, reason: "Kontroll")
    }
}

@Suite struct ContinuityReducerTests {
    typealias W = ContinuityWorld

    private func reduce(_ state: inout ContinuityState, _ actions: ContinuityAction...,
                        env: ContinuityEnvironment = W.env()) -> [ContinuityEffect] {
        actions.flatMap { ContinuityReducer.reduce(&state, $0, env) }
    }

    private func keys(_ state: inout ContinuityState, _ keys: Key..., env: ContinuityEnvironment = W.env())
        -> [ContinuityEffect] {
        keys.flatMap { ContinuityReducer.reduce(&state, .dialog(.key($0)), env) }
    }

    private func type(_ state: inout ContinuityState, _ text: String) {
        text.forEach { _ = ContinuityReducer.reduce(&state, .dialog(.key(.char($0))), W.env()) }
    }

    @Test func tabsCycleBothWays() {
        var s = ContinuityState()
        _ = reduce(&s, .nextTab)
        #expect(s.tab == .encounters)
        _ = reduce(&s, .previousTab, .previousTab)
        #expect(s.tab == .plan)
    }

    @Test func movesStayInsideTheListOfTheTab() {
        let encounters = (1...12).map { W.encounter(Int64($0), "2026-0\($0 % 9 + 1)-01", "per") }
        let env = W.env(record: W.record(encounters: encounters))
        var s = ContinuityState()
        s.tab = .encounters
        _ = reduce(&s, .move(.down), .move(.down), env: env)
        #expect(s.encounters.selected == 2)
        _ = reduce(&s, .move(.up), env: env)
        #expect(s.encounters.selected == 1)
        _ = reduce(&s, .move(.pageDown), env: env)
        #expect(s.encounters.selected == 6)
        _ = reduce(&s, .move(.pageUp), env: env)
        #expect(s.encounters.selected == 1)
        _ = reduce(&s, .move(.last), env: env)
        #expect(s.encounters.selected == 11)
        #expect(s.encounters.offset == 7)
        _ = reduce(&s, .move(.first), env: env)
        #expect(s.encounters.selected == 0 && s.encounters.offset == 0)
        #expect(s.contacts.selected == 0)
    }

    @Test func reloadAsksForAReload() {
        var s = ContinuityState()
        #expect(reduce(&s, .reload) == [.reload])
    }

    @Test func withoutARecordFormsDoNotOpen() {
        var s = ContinuityState()
        let effects = reduce(&s, .assignContact, env: W.env(record: nil))
        #expect(s.form == nil)
        #expect(effects == [.message(ContinuityStrings.sv.noPatient, isError: true)])
    }

    @Test func assignWithAPreviousContactAsksAndNamesWhoIsReplaced() {
        var s = ContinuityState()
        _ = reduce(&s, .assignContact)
        #expect(s.form?.kind == .assign(.careContact))
        // The picker starts at the user, the most common choice, and that is not input yet.
        #expect(s.form?.fields["staff"] == "karin")
        #expect(s.form?.hasInput == false)
        _ = keys(&s, .right)
        #expect(s.form?.fields["staff"] == "per")
        #expect(s.form?.fields.fields[0].hint == "Per Ek, läkare")
        _ = keys(&s, .enter)
        type(&s, "Samordning")
        let effects = keys(&s, .enter, .enter)
        #expect(effects.isEmpty)
        #expect(s.confirm?.text.contains("Karin Berg avslutas som fast vårdkontakt från 2026-11-23") == true)
        let saved = keys(&s, .char("j"))
        #expect(saved == [.assign(NewCareContact(patientId: W.patient, role: .careContact, staffId: "per",
                                                 unitId: W.vc, reason: "Samordning", from: W.today))])
        #expect(s.form != nil) // open until the store has saved
        _ = reduce(&s, .saved)
        #expect(s.form == nil && s.confirm == nil)
    }

    @Test func assignPhysicianPicksOnlyPhysiciansAndSavesWithoutAQuestionWhenNoneBefore() {
        var s = ContinuityState()
        _ = reduce(&s, .assignPhysician)
        _ = keys(&s, .right, .right)
        #expect(s.form?.fields["staff"] == "per")
        _ = keys(&s, .enter)
        type(&s, "Listning")
        let effects = keys(&s, .enter, .enter)
        #expect(effects == [.assign(NewCareContact(patientId: W.patient, role: .namedPhysician, staffId: "per",
                                                   unitId: W.vc, reason: "Listning", from: W.today))])
    }

    @Test func endNeedsAReasonThenAConfirmation() {
        var s = ContinuityState()
        _ = reduce(&s, .endContact)
        #expect(s.form?.kind == .end(contactId: 1, version: 1, role: .careContact, staffName: "Karin Berg"))
        _ = keys(&s, .enter)
        #expect(s.form?.fields.fields[0].error == "Måste fyllas i")
        type(&s, "Flyttat")
        _ = keys(&s, .enter)
        #expect(s.confirm?.text == "Avsluta Karin Berg som fast vårdkontakt?")
        _ = keys(&s, .char("n"))
        #expect(s.confirm == nil && s.form?.fields["reason"] == "Flyttat")
        _ = keys(&s, .enter, .left)
        #expect(s.confirm?.yesSelected == true)
        let effects = keys(&s, .enter)
        #expect(effects == [.end(contactId: 1, version: 1, day: W.today, reason: "Flyttat", staffName: "Karin Berg",
                                 role: .careContact)])
    }

    @Test func endOnAnEndedContactIsRefused() {
        var s = ContinuityState()
        _ = reduce(&s, .move(.down))
        let effects = reduce(&s, .endContact)
        #expect(s.form == nil)
        #expect(effects == [.message(ContinuityStrings.sv.selectActiveContact, isError: true)])
    }

    @Test func newEncounterDefaultsToNowAndTheUserAndPicksModeAndPlanned() {
        var s = ContinuityState()
        _ = reduce(&s, .newEncounter)
        #expect(s.tab == .encounters)
        #expect(s.form?.fields["at"] == "2026-11-23 12:00")
        #expect(s.form?.fields["staff"] == "karin")
        // The form opens on its first field, read top-down (a stray Enter saves nothing).
        #expect(s.form?.fields.focus == 0)
        _ = keys(&s, .down, .char("h"))
        #expect(s.form?.fields["mode"] == "hembesök")
        _ = keys(&s, .right)
        #expect(s.form?.fields["mode"] == "besök")
        _ = keys(&s, .char("x"), .backspace)
        #expect(s.form?.fields["mode"] == "besök")
        _ = keys(&s, .down, .char("n"))
        #expect(s.form?.fields["planned"] == "nej")
        _ = keys(&s, .down, .down)
        type(&s, "Blodtryck")
        let effects = keys(&s, .enter)
        #expect(effects == [.recordEncounter(NewEncounter(patientId: W.patient, at: W.now, mode: .visit, planned: false,
                                                          staffId: "karin", unitId: W.vc, reason: "Blodtryck"))])
        _ = reduce(&s, .saved)
        #expect(s.encounters.selected == 0 && s.form == nil)
    }

    @Test func editPlanOpensTheOpenPlanOrANewOne() {
        var s = ContinuityState()
        _ = reduce(&s, .editPlan)
        #expect(s.form?.kind == .plan(id: 0, version: 0))
        // Units are shown and typed by name.
        #expect(s.form?.fields["responsible"] == "VC Ekbacken")
        let plan = CoordinatedPlan(id: 7, patientId: W.patient, responsibleUnitId: "vc",
                                   participants: [PlanParticipant(unitId: "hs", role: "hemsjukvård")], goal: "Hemma",
                                   agreedOn: LocalDate(iso: "2026-01-01")!, followUpOn: nil, version: 3)
        var t = ContinuityState()
        let env = W.env(record: W.record(plans: [plan]))
        _ = reduce(&t, .editPlan, env: env)
        #expect(t.form?.kind == .plan(id: 7, version: 3))
        #expect(t.form?.fields["participants"] == "Hemsjukvården")
        // Enter moves through the fields (goal to follow-up, then the SIP's content) and saves on the last.
        let effects = (0..<14).flatMap { _ in ContinuityReducer.reduce(&t, .dialog(.key(.enter)), env) }
        #expect(effects == [.savePlan(plan)])
    }

    @Test func escapeClosesAnEmptyFormAndAsksForOneWithInput() {
        var s = ContinuityState()
        _ = reduce(&s, .newEncounter)
        _ = keys(&s, .escape)
        #expect(s.form == nil)
        _ = reduce(&s, .newEncounter)
        _ = keys(&s, .backTab)
        type(&s, "x")
        _ = keys(&s, .escape)
        #expect(s.confirm?.kind == .discard)
        _ = keys(&s, .escape)
        #expect(s.form?.fields["reason"] == "x")
        _ = keys(&s, .escape, .char("j"))
        #expect(s.form == nil)
    }

    @Test func aFailedSaveKeepsTheInputAndShowsWhy() {
        var s = ContinuityState()
        _ = reduce(&s, .newEncounter)
        _ = keys(&s, .backTab)
        type(&s, "Sår")
        _ = reduce(&s, .saveFailed("Ändrat av Per Ek"))
        #expect(s.form?.error == "Ändrat av Per Ek")
        #expect(s.form?.fields["reason"] == "Sår")
    }

    @Test func aPasteWithANewlineDoesNotSubmit() {
        var s = ContinuityState()
        _ = reduce(&s, .newEncounter)
        _ = keys(&s, .backTab)
        let effects = reduce(&s, .dialog(.paste("Sår\nkontroll")))
        #expect(effects.isEmpty)
        #expect(s.form?.fields["reason"] == "Sår kontroll")
    }
}

/// The SIP form's content fields read into the plan: consent, meeting, people, services.
@Suite struct PlanContentFormTests {
    typealias W = ContinuityWorld

    @Test func theContentFieldsBecomeThePlansContent() throws {
        let env = W.env()
        var s = ContinuityState()
        _ = ContinuityReducer.reduce(&s, .editPlan, env)
        var form = try #require(s.form)
        #expect(form.fields["patient"] == "j")
        for (id, value) in [("goal", "Trygg hemma"), ("consent", "2024-02-29"), ("consentForm", "m"),
                            ("meeting", "2024-03-01"), ("nextOfKin", "Eva (dotter), Lars"), ("people", "olle"),
                            ("responsiblePerson", "karin"), ("servicesRegion", "Läkemedelsgenomgång"),
                            ("servicesMunicipality", "Hemtjänst, Trygghetslarm")] {
            form.fields.fields[form.fields.fields.firstIndex { $0.id == id }!].state = TextFieldState(value, maxLength: 500)
        }
        var errors: [String: String] = [:]
        let (consent, content) = PlanContentForm.read(form, existing: nil, env, errors: &errors)
        #expect(errors.isEmpty)
        #expect(consent == LocalDate(iso: "2024-02-29"))
        #expect(content.consentForm == .oral && content.meetingOn == LocalDate(iso: "2024-03-01"))
        #expect(content.people.map(\.role) == [.patient, .nextOfKin, .nextOfKin, .staff])
        #expect(content.people.last?.unitId == "hs")
        #expect(content.responsibleStaffId == "karin")
        #expect(content.services(of: .municipality).map(\.text) == ["Hemtjänst", "Trygghetslarm"])
        form.fields.fields[form.fields.fields.firstIndex { $0.id == "people" }!].state = TextFieldState("nobody", maxLength: 9)
        form.fields.fields[form.fields.fields.firstIndex { $0.id == "consentForm" }!].state = TextFieldState("x", maxLength: 3)
        _ = PlanContentForm.read(form, existing: nil, env, errors: &errors)
        #expect(Set(errors.keys) == ["people", "consentForm"])
    }
}
