import Foundation
import Testing
@testable import NaraDomain

/// Listed patients without a named GP (fast läkarkontakt) at the listing unit.
@Suite struct NamedGPRulesTests {
    static func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }
    let patient = PatientID(9)
    let vc: UnitID = "SE-vc"

    func facts(contacts: [CareContact] = [], listedTo: String? = nil) -> WorkListPatientFacts {
        WorkListPatientFacts(patientId: patient, birthDate: Self.day("1950-03-01"),
                             listing: Listing(patientId: patient, unitId: vc, from: Self.day("2016-02-29"),
                                              to: listedTo.map(Self.day)),
                             careContacts: contacts)
    }

    func gp(at unit: UnitID, from: String, to: String? = nil, role: ContactRole = .namedPhysician) -> CareContact {
        CareContact(id: 2, patientId: patient, role: role, staffId: "per.holm", unitId: unit, reason: "listning",
                    from: Self.day(from), to: to.map(Self.day))
    }

    func run(_ f: WorkListPatientFacts, on today: String) -> WorkListEntry? {
        WorkListRules.evaluate(.withoutNamedGP, facts: f, settings: .default, today: Self.day(today))
    }

    @Test func listedWithoutANamedGPIsOnTheListOldestFirst() {
        // 75 on 1 March 2025, not on 28 February.
        let before = run(facts(), on: "2025-02-28")
        #expect(before?.reason == .noNamedGP(age: 74, listedSince: Self.day("2016-02-29")))
        let on = run(facts(), on: "2025-03-01")
        #expect(on?.sortKey == 75)
        #expect(on?.summary == "Age 75, listed here since 2016-02-29, no named GP here")
        #expect(WorkListKind(rawValue: "no-named-gp") == .withoutNamedGP)
    }

    @Test func onlyAnActiveNamedGPAtTheListingUnitCounts() {
        #expect(run(facts(contacts: [gp(at: vc, from: "2024-12-31")]), on: "2025-01-01") == nil)
        #expect(run(facts(contacts: [gp(at: "SE-other", from: "2024-12-31")]), on: "2025-01-01") != nil)
        #expect(run(facts(contacts: [gp(at: vc, from: "2024-12-31", role: .careContact)]), on: "2025-01-01") != nil)
        // Ended on the day: no longer active.
        #expect(run(facts(contacts: [gp(at: vc, from: "2020-01-01", to: "2025-01-01")]), on: "2025-01-01") != nil)
        #expect(run(facts(listedTo: "2025-01-01"), on: "2025-01-01") == nil)
    }
}
