@testable import NaraApp
import NaraDomain
import Testing
import TerminalUI

/// Every refusal of the forms, in the user's language, next to its field.
@Suite struct ContinuityValidationTests {
    typealias W = ContinuityWorld

    private func form(_ make: (ContinuityEnvironment) -> ContinuityForm, _ language: Language,
                      _ values: [String: String]) -> ContinuityForm {
        var f = make(W.env(language))
        for (id, value) in values { f.fields[id] = value }
        return f
    }

    private func errors<T>(_ outcome: ContinuityValidation.Outcome<T>) -> [String: String] {
        if case .invalid(let e) = outcome { return e }
        return [:]
    }

    @Test(arguments: [Language.sv, .en])
    func contactForm(language: Language) {
        let s = ContinuityStrings.of(language)
        let env = W.env(language)
        let empty = form({ ContinuityForms.assign(.careContact, $0) }, language, ["staff": "", "from": "2026-13-01"])
        let e1 = errors(ContinuityValidation.contact(empty, role: .careContact, patient: W.patient, env))
        #expect(e1 == ["staff": s.errRequired, "reason": s.errRequired, "from": s.errDate])
        #expect(s.errDate == (language == .sv ? "Skriv datum som ÅÅÅÅ-MM-DD" : "Write the date as YYYY-MM-DD"))

        let unknown = form({ ContinuityForms.assign(.careContact, $0) }, language, ["staff": "nobody", "reason": "Samordning"])
        #expect(errors(ContinuityValidation.contact(unknown, role: .careContact, patient: W.patient, env))
            == ["staff": s.errUnknownStaff("nobody")])
        let inactive = form({ ContinuityForms.assign(.careContact, $0) }, language, ["staff": "maria", "reason": "Samordning"])
        #expect(errors(ContinuityValidation.contact(inactive, role: .careContact, patient: W.patient, env))
            == ["staff": s.errInactiveStaff("Maria Nyberg")])
        let other = form({ ContinuityForms.assign(.careContact, $0) }, language, ["staff": "olle", "reason": "Samordning"])
        #expect(errors(ContinuityValidation.contact(other, role: .careContact, patient: W.patient, env))
            == ["staff": s.errOtherUnit("Olle Ny")])
        let nurseAsGP = form({ ContinuityForms.assign(.namedPhysician, $0) }, language, ["staff": "karin", "reason": "Samordning"])
        #expect(errors(ContinuityValidation.contact(nurseAsGP, role: .namedPhysician, patient: W.patient, env))
            == ["staff": s.errNotPhysician("Karin Berg")])
        #expect(s.errNotPhysician("Karin Berg") == (language == .sv ? "Karin Berg är inte läkare"
                                                                     : "Karin Berg is not a physician"))
    }

    @Test(arguments: [Language.sv, .en])
    func encounterForm(language: Language) {
        let s = ContinuityStrings.of(language)
        let env = W.env(language)
        let future = form(ContinuityForms.encounter, language, ["at": "2026-11-23 12:01", "reason": "Samordning"])
        #expect(errors(ContinuityValidation.encounter(future, patient: W.patient, env)) == ["at": s.errFuture])
        for bad in ["2026-11-23", "2026-11-23 24:00", "23/11/2026 10:00", "2026-02-30 10:00"] {
            let f = form(ContinuityForms.encounter, language, ["at": bad, "reason": "Samordning"])
            #expect(errors(ContinuityValidation.encounter(f, patient: W.patient, env)) == ["at": s.errDateTime], "\(bad)")
        }
        let noReason = form(ContinuityForms.encounter, language, ["staff": "zz"])
        #expect(errors(ContinuityValidation.encounter(noReason, patient: W.patient, env))
            == ["reason": s.errRequired, "staff": s.errUnknownStaff("zz")])
        #expect(s.errFuture == (language == .sv ? "Tiden får inte vara i framtiden" : "The time cannot be in the future"))
    }

    @Test(arguments: [Language.sv, .en])
    func planForm(language: Language) {
        let s = ContinuityStrings.of(language)
        let env = W.env(language)
        let bad = form({ ContinuityForms.plan(nil, $0) }, language,
                       ["responsible": "xx", "participants": "hs, yy", "agreed": "2026-11-01", "followUp": "2026-10-01"])
        #expect(errors(ContinuityValidation.plan(bad, id: 0, version: 0, patient: W.patient, existing: nil, env)) == [
            "goal": s.errRequired, "responsible": s.errUnknownUnit("xx"), "participants": s.errUnknownUnit("yy"),
            "followUp": s.errFollowUpBeforeAgreed,
        ])
        #expect(s.errUnknownUnit("xx") == (language == .sv ? "Ingen enhet passar: xx" : "No unit matches: xx"))
        // A name, the start of a word in it, or an id: "hemsjuk" is Hemsjukvården.
        let named = form({ ContinuityForms.plan(nil, $0) }, language,
                         ["goal": "Hemma", "responsible": "vc ekb", "participants": "hemsjuk",
                          "agreed": "2026-11-01"])
        guard case .valid(let plan) = ContinuityValidation.plan(named, id: 0, version: 0, patient: W.patient,
                                                                existing: nil, env) else {
            Issue.record("names were not taken")
            return
        }
        #expect(plan.responsibleUnitId == "vc" && plan.participants.map(\.unitId) == ["hs"])
    }

    @Test func theWorkedExampleThroughTheScreensFacts() {
        let encounters = [("2026-01-05", "per"), ("2026-02-05", "per"), ("2026-03-05", "olle"), ("2026-04-05", "per"),
                          ("2026-05-05", "karin")].enumerated().map { W.encounter(Int64($0.offset), $0.element.0,
                                                                                   StaffID($0.element.1)) }
        let facts = ContinuityFacts(record: W.record(encounters: encounters), today: W.today, words: .sv)
        let all = facts.report.all
        #expect(all.encounters == 5)
        #expect(Strings.swedish.decimal(all.upc!, digits: 2) == "0,60")
        #expect(Strings.swedish.decimal(all.coc!, digits: 2) == "0,30")
        #expect(Strings.swedish.decimal(all.secon!, digits: 2) == "0,25")
        #expect(facts.report.doctors.encounters == 3 && facts.report.nurses.upc == 0.5)
        #expect(facts.encounters.first?.staffId == "karin")
        #expect(facts.perMonth.reduce(0, +) == 5)
    }

    @Test func alertsForAContactWhoLeftAndAGPNotSeenForAYear() {
        let contacts = [
            CareContact(id: 1, patientId: W.patient, role: .careContact, staffId: "maria", unitId: W.vc, reason: "x",
                        from: LocalDate(iso: "2024-01-01")!),
            CareContact(id: 2, patientId: W.patient, role: .namedPhysician, staffId: "per", unitId: W.vc, reason: "x",
                        from: LocalDate(iso: "2024-01-01")!),
        ]
        let old = [W.encounter(1, "2025-10-01", "per")]
        let facts = ContinuityFacts(record: W.record(contacts: contacts, encounters: old), today: W.today, words: .sv)
        #expect(facts.alerts(.sv) == ["Maria Nyberg (fast vårdkontakt) finns inte längre på enheten",
                                      "Patienten har inte träffat sin fasta läkarkontakt Per Ek på 12 månader"])
        let recent = [W.encounter(1, "2026-10-01", "per")]
        #expect(ContinuityFacts(record: W.record(contacts: contacts, encounters: recent), today: W.today, words: .sv)
            .alerts(.en) == ["Maria Nyberg (named care contact) is no longer at the unit"])
    }
}
