import Foundation
import Testing
@testable import NaraDomain

/// The unit's reform figures by calendar month, each month as of its last day: February
/// of a leap year ends on the 29th, the running month on today.
@Suite struct ReformReportTests {
    static func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }
    let vc: UnitID = "SE-vc1"
    let other: UnitID = "SE-akuten"
    let patient = PatientID(3)

    func report(scope: ContinuityScope = .default) -> ReformReport {
        ReformReport(unit: vc, endingOn: Self.day("2024-03-15"), count: 3, scope: scope)
    }

    func encounter(_ iso: String, _ staff: StaffID, at unit: UnitID, group: ProfessionGroup = .doctors) -> ContinuityEncounter {
        ContinuityEncounter(day: Self.day(iso), staffId: staff, group: group, unitId: unit)
    }

    @Test func monthsEndOnTheirLastDayAndTheRunningMonthOnToday() {
        #expect(report().months.map(\.month) == ["2024-01", "2024-02", "2024-03"])
        #expect(report().months.map(\.asOf) == [Self.day("2024-01-31"), Self.day("2024-02-29"), Self.day("2024-03-15")])
        #expect(report().firstDay == Self.day("2024-01-01"))
        let yearEnd = ReformReport(unit: vc, endingOn: Self.day("2025-01-31"), count: 2)
        #expect(yearEnd.months.map(\.month) == ["2024-12", "2025-01"])
    }

    @Test func listedNamedGPAndSaboCountOnTheMonthsLastDay() {
        var r = report()
        let gp = CareContact(id: 1, patientId: patient, role: .namedPhysician, staffId: "per.holm", unitId: vc,
                             reason: "val", from: Self.day("2024-03-01"))
        r.add(ReformPatient(listings: [Listing(patientId: patient, unitId: vc, from: Self.day("2024-02-29"))],
                            contacts: [gp], residentialCare: true))
        // Listed elsewhere until the 15th: not listed here as of the running month's today.
        r.add(ReformPatient(listings: [Listing(patientId: PatientID(4), unitId: vc, from: Self.day("2020-01-01"),
                                               to: Self.day("2024-03-15"))]))
        #expect(r.months.map(\.listed) == [1, 2, 1])
        #expect(r.months.map(\.withNamedGP) == [0, 0, 1])
        #expect(r.months.map(\.residentialCare) == [0, 1, 1])
        #expect(r.months[2].residentialCareNamedGPShare == 1)
        #expect(r.months[1].namedGPShare == 0)
        #expect(r.months[0].residentialCareNamedGPShare == nil)
    }

    /// Providers A A B at the unit and C C elsewhere: at the listing unit COC is
    /// (4 + 1 − 3) / (3 · 2) = 1/3; over all units (4 + 1 + 4 − 5) / (5 · 4) = 0.2.
    @Test func continuityCountsTheListingUnitUnlessAllUnitsAreAsked() {
        let p = ReformPatient(listings: [Listing(patientId: patient, unitId: vc, from: Self.day("2010-01-01"))],
                              encounters: [encounter("2023-01-31", "a", at: vc), encounter("2023-02-28", "a", at: vc),
                                           encounter("2024-02-29", "b", at: vc), encounter("2023-06-30", "c", at: other),
                                           encounter("2023-12-31", "c", at: other)])
        var listing = report()
        listing.add(p)
        #expect(listing.months[2].cocAll.map { ($0 * 1000).rounded() } == 333)
        #expect(listing.months[2].cocPhysiciansPatients == 1)
        // As of 2024-01-31 the 18 months start on 2022-08-01, before the visit on 2024-02-29: two only.
        #expect(listing.months[0].cocAll == nil)
        var all = report(scope: .allUnits)
        all.add(p)
        #expect(all.months[2].cocAll == 0.2)
    }

    @Test func dischargeDeadlinesFallInTheMonthTheyFallDue() {
        var r = report()
        // Ready 2024-02-26: the SIP is due 2024-02-29; ready 2024-02-27: due 2024-03-01.
        let early = DischargeNotice(id: 1, patientId: patient, wardUnitId: "SE-avd7", unitId: vc,
                                    admittedOn: Self.day("2024-02-20"), readyOn: Self.day("2024-02-26"),
                                    dischargedOn: Self.day("2024-03-04"), recordedBy: "karin.berg")
        let late = DischargeNotice(id: 2, patientId: patient, wardUnitId: "SE-avd7", unitId: vc,
                                   admittedOn: Self.day("2024-02-20"), readyOn: Self.day("2024-02-27"),
                                   recordedBy: "karin.berg")
        let plan = CoordinatedPlan(id: 9, patientId: patient, responsibleUnitId: vc, participants: [], goal: "Hem",
                                   agreedOn: Self.day("2024-02-29"), followUpOn: nil)
        let contact = CareContact(id: 5, patientId: patient, role: .careContact, staffId: "karin.berg", unitId: vc,
                                  reason: "utskrivning", from: Self.day("2024-03-04"))
        r.add(ReformPatient(listings: [Listing(patientId: patient, unitId: vc, from: Self.day("2010-01-01"))],
                            contacts: [contact], dischargeNotices: [early, late], plans: [plan]))
        #expect(r.months.map(\.sipCallsDue) == [0, 1, 1])
        #expect(r.months.map(\.sipCallsMet) == [0, 1, 1])
        // Appointed on the discharge day: in place before the patient leaves.
        #expect(r.months.map(\.dischargesDue) == [0, 0, 1])
        #expect(r.months.map(\.careContactsMet) == [0, 0, 1])
    }

    @Test func aRejectedReferralIsOpenUntilAStepIsRecorded() {
        var r = report()
        func event(_ iso: String, _ action: ReferralActionKind, _ from: ReferralState, _ to: ReferralState) -> ReferralEvent {
            ReferralEvent(at: Self.day(iso).noon(in: .stockholm), staffId: "x", unitId: vc, action: action,
                          from: from, to: to, comment: "")
        }
        let referral = Referral(id: 1, patientId: patient, fromUnitId: vc, toUnitId: "SE-kard", priority: .routine,
                                question: "Bedömning", state: .rejected, createdAt: Self.day("2024-01-10").noon(in: .stockholm),
                                createdBy: "x", history: [event("2024-01-10", .send, .draft, .sent),
                                                          event("2024-02-29", .reject, .sent, .rejected),
                                                          event("2024-03-05", .patientInformed, .rejected, .rejected)])
        r.add(sent: referral)
        #expect(r.months.map(\.rejectedOpen) == [0, 1, 0])
    }
}
