import Foundation
import Testing
@testable import NaraDomain

/// One rule for each alert, with the work lists' settings (the screens used to disagree:
/// 30 days against 7 for a discharge, two rules for a contact who has left).
@Suite struct PatientAlertsTests {
    let today = LocalDate(iso: "2026-11-23")!
    let vc: UnitID = "SE2321000164-vc01"
    let ward: UnitID = "SE2321000164-avd1"

    func record(discharged daysAgo: Int? = nil, gpUnit: UnitID? = nil, gpActive: Bool = true,
                seenByGP seen: Int? = nil, roles: Set<InformationCategory> = []) -> PatientRecord {
        let p = Patient(id: PatientID(1), identifier: try! PersonIdentifier.parse("19121212-1212", today: today),
                        givenName: "Tolvan", familyName: "Tolvansson", sex: .male, birthDate: nil, address: nil,
                        phone: nil, protectedIdentity: false)
        let gp = Staff(id: "per.holm", name: "Per Holm", profession: .physician, unitId: gpUnit ?? vc,
                       roles: [.physician], active: gpActive)
        var r = PatientRecord(
            patient: p, listings: [],
            contacts: [CareContact(id: 1, patientId: p.id, role: .namedPhysician, staffId: gp.id, unitId: vc,
                                   reason: "GP", from: today.adding(days: -800))],
            problems: [],
            encounters: seen.map { [Encounter(id: 1, patientId: p.id, at: today.adding(days: -$0).noon(in: .stockholm),
                                              mode: .visit, planned: true, staffId: gp.id, unitId: vc, reason: "Besök")] }
                ?? [],
            referrals: [], plans: [],
            discharges: daysAgo.map { [HospitalDischarge(id: 1, patientId: p.id, unitId: ward,
                                                         admittedOn: today.adding(days: -$0 - 5),
                                                         dischargedOn: today.adding(days: -$0))] } ?? [],
            staff: [gp.id: gp], units: [vc: CareUnit(id: vc, name: "VC", principal: .region, kind: .primaryCare)])
        r.hidden.notForRole = roles
        return r
    }

    @Test func aDischargeCountsForTheWorkListsSevenDays() {
        #expect(PatientAlerts.derive(record(discharged: 7, seenByGP: 30), today: today)
            .contains(.dischargedWithoutContact(dischargedOn: today.adding(days: -7), days: 7)))
        #expect(!PatientAlerts.derive(record(discharged: 8, seenByGP: 30), today: today).contains {
            if case .dischargedWithoutContact = $0 { return true } else { return false }
        })
        let longer = WorkListSettings(dischargeWindowDays: 30)
        #expect(PatientAlerts.derive(record(discharged: 20, seenByGP: 30), today: today, settings: longer).count == 2)
    }

    @Test func aContactHasLeftWhenInactiveOrAtAnotherUnit() {
        #expect(PatientAlerts.derive(record(gpActive: false, seenByGP: 30), today: today)
            .contains(.contactLeft(role: .namedPhysician, staffId: "per.holm")))
        #expect(PatientAlerts.derive(record(gpUnit: "SE2321000164-vc02", seenByGP: 30), today: today)
            .contains(.contactLeft(role: .namedPhysician, staffId: "per.holm")))
        #expect(!PatientAlerts.derive(record(seenByGP: 30), today: today).contains {
            if case .contactLeft = $0 { return true } else { return false }
        })
    }

    @Test func aNamedGPNotSeenForAYearButNothingConcludedFromHiddenEncounters() {
        #expect(PatientAlerts.derive(record(seenByGP: 400), today: today)
            .contains(.namedGPNotSeen(staffId: "per.holm", lastSeen: today.adding(days: -400))))
        #expect(!PatientAlerts.derive(record(seenByGP: 300), today: today).contains {
            if case .namedGPNotSeen = $0 { return true } else { return false }
        })
        #expect(!PatientAlerts.derive(record(roles: [.clinical]), today: today).contains {
            if case .namedGPNotSeen = $0 { return true } else { return false }
        })
    }

    @Test func aDeceasedPatientHasNoOutreachAlerts() {
        var r = record(discharged: 3, gpActive: false)
        #expect(PatientAlerts.derive(r, today: today).count >= 3)
        r.patient.deceasedOn = today.adding(days: -1)
        r.patient.deceased = true
        #expect(PatientAlerts.derive(r, today: today).isEmpty)
    }
}
