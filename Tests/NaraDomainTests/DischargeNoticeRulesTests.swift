import Foundation
import Testing
@testable import NaraDomain

/// The clocks of lag (2017:612) and the two lists that keep them: a fast vårdkontakt at
/// the listing unit before discharge, a SIP called within three days of "ready".
@Suite struct DischargeNoticeRulesTests {
    static func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }
    let patient = PatientID(7)
    let vc: UnitID = "SE-vc"
    let ward: UnitID = "SE-ward"

    func notice(admitted: String, expected: String? = nil, ready: String? = nil,
                discharged: String? = nil, id: RecordID = 1) -> DischargeNotice {
        DischargeNotice(id: id, patientId: patient, wardUnitId: ward, unitId: vc, admittedOn: Self.day(admitted),
                        expectedDischargeOn: expected.map(Self.day), readyOn: ready.map(Self.day),
                        dischargedOn: discharged.map(Self.day), recordedBy: "anna.lund")
    }

    func facts(_ notices: [DischargeNotice], contacts: [CareContact] = [], plans: [CoordinatedPlan] = [],
               listed: Bool = true) -> WorkListPatientFacts {
        var f = WorkListPatientFacts(patientId: patient,
                                     listing: listed ? Listing(patientId: patient, unitId: vc,
                                                               from: Self.day("2020-01-01")) : nil,
                                     careContacts: contacts, plans: plans)
        f.dischargeNotices = notices
        return f
    }

    func contact(at unit: UnitID, from: String, role: ContactRole = .careContact) -> CareContact {
        CareContact(id: 3, patientId: patient, role: role, staffId: "anna.lund", unitId: unit, reason: "utskrivning",
                    from: Self.day(from))
    }

    func plan(agreed: String) -> CoordinatedPlan {
        CoordinatedPlan(id: 5, patientId: patient, responsibleUnitId: vc, participants: [], goal: "Hem",
                        agreedOn: Self.day(agreed), followUpOn: nil)
    }

    func run(_ kind: WorkListKind, _ f: WorkListPatientFacts, on today: String) -> WorkListEntry? {
        WorkListRules.evaluate(kind, facts: f, settings: .default, today: Self.day(today))
    }

    @Test func theSipIsDueThreeDaysAfterReadyAcrossMonthEndsAndTheLeapDay() {
        #expect(notice(admitted: "2024-02-20", ready: "2024-02-27").planCallDue == Self.day("2024-03-01"))
        #expect(notice(admitted: "2025-02-20", ready: "2025-02-27").planCallDue == Self.day("2025-03-02"))
        #expect(notice(admitted: "2024-02-20", ready: "2024-02-29").planCallDue == Self.day("2024-03-03"))
        #expect(notice(admitted: "2025-12-20", ready: "2025-12-30").planCallDue == Self.day("2026-01-02"))
        #expect(notice(admitted: "2025-12-20").planCallDue == nil)
    }

    @Test func theCareContactIsDueByTheEarliestOfExpectedAndReadyOrTheDischarge() {
        #expect(notice(admitted: "2025-01-28").careContactDue == nil)
        #expect(notice(admitted: "2025-01-28", expected: "2025-02-03").careContactDue == Self.day("2025-02-03"))
        #expect(notice(admitted: "2025-01-28", expected: "2025-02-03", ready: "2025-01-31").careContactDue
                == Self.day("2025-01-31"))
        #expect(notice(admitted: "2025-01-28", expected: "2025-02-03", discharged: "2025-02-05").careContactDue
                == Self.day("2025-02-05"))
    }

    @Test func anAdmissionWithoutACareContactHereIsOnTheListWithTimeLeft() {
        let n = notice(admitted: "2024-02-26", expected: "2024-03-01")
        let entry = run(.admissionsWithoutCareContact, facts([n]), on: "2024-02-28")
        // 28 Feb → 1 Mar over the leap day is two days.
        #expect(entry?.reason == .admittedWithoutCareContact(ward: ward.rawValue, admittedOn: Self.day("2024-02-26"), daysLeft: 2))
        #expect(entry?.summary == "Admitted 2024-02-26 at SE-ward, expected discharge in 2 days, no named care contact here")
        let late = run(.admissionsWithoutCareContact, facts([n]), on: "2024-03-03")
        #expect(late?.reason == .admittedWithoutCareContact(ward: ward.rawValue, admittedOn: Self.day("2024-02-26"), daysLeft: -2))
        #expect(late.map { $0.sortKey > entry!.sortKey } == true)
        let unknown = run(.admissionsWithoutCareContact, facts([notice(admitted: "2024-02-26")]), on: "2024-02-28")
        #expect(unknown?.summary.hasSuffix("no expected discharge day, no named care contact here") == true)
    }

    @Test func onlyACareContactAtTheListingUnitTakesThePatientOffTheAdmissionsList() {
        let n = notice(admitted: "2025-01-30", expected: "2025-02-04")
        #expect(run(.admissionsWithoutCareContact, facts([n], contacts: [contact(at: vc, from: "2025-01-31")]),
                    on: "2025-01-31") == nil)
        #expect(run(.admissionsWithoutCareContact, facts([n], contacts: [contact(at: "SE-other", from: "2025-01-31")]),
                    on: "2025-01-31") != nil)
        #expect(run(.admissionsWithoutCareContact,
                    facts([n], contacts: [contact(at: vc, from: "2025-01-31", role: .namedPhysician)]),
                    on: "2025-01-31") != nil)
        // Appointed tomorrow does not count today.
        #expect(run(.admissionsWithoutCareContact, facts([n], contacts: [contact(at: vc, from: "2025-02-01")]),
                    on: "2025-01-31") != nil)
        // Not listed here, discharged, or admitted after today: not on the list.
        #expect(run(.admissionsWithoutCareContact, facts([n], listed: false), on: "2025-01-31") == nil)
        #expect(run(.admissionsWithoutCareContact, facts([notice(admitted: "2025-01-30", discharged: "2025-01-31")]),
                    on: "2025-01-31") == nil)
        #expect(run(.admissionsWithoutCareContact, facts([n]), on: "2025-01-29") == nil)
    }

    @Test func readyWithoutASipCountsDownThreeDaysThenOverdue() {
        let n = notice(admitted: "2025-12-20", ready: "2025-12-30")
        #expect(run(.readyWithoutPlan, facts([n]), on: "2025-12-29") == nil)
        let first = run(.readyWithoutPlan, facts([n]), on: "2025-12-30")
        #expect(first?.reason == .readyWithoutPlan(ward: ward.rawValue, readyOn: Self.day("2025-12-30"), daysLeft: 3))
        #expect(run(.readyWithoutPlan, facts([n]), on: "2026-01-02")?.summary
                == "Ready for discharge 2025-12-30 at SE-ward, no SIP: call within 0 days")
        #expect(run(.readyWithoutPlan, facts([n]), on: "2026-01-03")?.summary
                == "Ready for discharge 2025-12-30 at SE-ward, no SIP: call overdue by 1 day")
    }

    @Test func aPlanSinceTheAdmissionOrTheDischargeTakesThePatientOffTheReadyList() {
        let n = notice(admitted: "2024-02-25", ready: "2024-02-29")
        #expect(run(.readyWithoutPlan, facts([n], plans: [plan(agreed: "2024-03-01")]), on: "2024-03-01") == nil)
        // A plan from before the stay is not this stay's planning; one agreed tomorrow does not count today.
        #expect(run(.readyWithoutPlan, facts([n], plans: [plan(agreed: "2023-11-01")]), on: "2024-03-01") != nil)
        #expect(run(.readyWithoutPlan, facts([n], plans: [plan(agreed: "2024-03-02")]), on: "2024-03-01") != nil)
        let out = notice(admitted: "2024-02-25", ready: "2024-02-29", discharged: "2024-03-01")
        #expect(run(.readyWithoutPlan, facts([out]), on: "2024-03-01") == nil)
    }

    @Test func aDeceasedPatientIsOnNeitherList() {
        var f = facts([notice(admitted: "2025-01-30", ready: "2025-01-31")])
        f.deceased = true
        #expect(run(.admissionsWithoutCareContact, f, on: "2025-02-01") == nil)
        #expect(run(.readyWithoutPlan, f, on: "2025-02-01") == nil)
    }
}
