import Foundation
import NaraDomain
import Testing
@testable import NaraStore

/// The ward's notices through the door: each step logged with the patient, the stay
/// moving from the admissions list to the ready list to the discharged list.
@Suite struct DischargeNoticeStoreTests {
    func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    func list(_ f: StoreFixture, _ kind: WorkListKind) throws -> [WorkListRow] {
        try f.store.workList(kind, unit: StoreFixture.vc, settings: .default, today: f.today, limit: 100, as: f.nurse)
    }

    @Test func aStayMovesFromListToListAndEveryStepIsLogged() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        let ward = StoreFixture.ward
        let n = try f.store.recordAdmissionNotice(p.id, ward: ward, admittedOn: day("2026-11-19"),
                                                  expectedDischargeOn: day("2026-11-26"), as: f.nurse)
        #expect(try f.log(p.id).first?.detail.hasPrefix("admission notice from \(ward)") == true)
        #expect(try list(f, .admissionsWithoutCareContact).map(\.entry.reason)
                == [.admittedWithoutCareContact(ward: "Medicinavdelning 7", admittedOn: day("2026-11-19"), daysLeft: 3)])
        #expect(try list(f, .readyWithoutPlan).isEmpty)
        #expect(throws: StoreError.self) {
            try f.store.recordAdmissionNotice(p.id, ward: ward, admittedOn: day("2026-11-20"), expectedDischargeOn: nil,
                                              as: f.nurse)
        }

        _ = try f.store.recordReadyForDischarge(p.id, ward: ward, readyOn: day("2026-11-21"), as: f.nurse)
        #expect(try f.log(p.id).first?.detail.hasPrefix("ready for discharge at \(ward)") == true)
        #expect(try list(f, .readyWithoutPlan).map(\.entry.reason)
                == [.readyWithoutPlan(ward: "Medicinavdelning 7", readyOn: day("2026-11-21"), daysLeft: 1)])
        // Ready on the 21st brings the care contact's deadline to that day: two days late.
        #expect(try list(f, .admissionsWithoutCareContact).first?.entry.reason
                == .admittedWithoutCareContact(ward: "Medicinavdelning 7", admittedOn: day("2026-11-19"), daysLeft: -2))

        _ = try f.store.assignContact(NewCareContact(patientId: p.id, role: .careContact, staffId: "karin.berg",
                                                     unitId: StoreFixture.vc, reason: "Utskrivning", from: f.today),
                                      as: f.nurse)
        #expect(try list(f, .admissionsWithoutCareContact).isEmpty)

        let closed = try f.store.recordDischargeOfNotice(p.id, ward: ward, dischargedOn: day("2026-11-23"), as: f.nurse)
        #expect(closed.id == n.id && closed.dischargedOn == day("2026-11-23") && closed.readyOn == day("2026-11-21"))
        #expect(try list(f, .readyWithoutPlan).isEmpty)
        #expect(try list(f, .dischargedWithoutContact).map(\.patient.id) == [p.id])
        #expect(try f.store.openRecord(p.id, as: f.nurse).discharges.map(\.dischargedOn) == [day("2026-11-23")])

        let stays = try f.store.dischargeNotices(of: p.id, as: f.nurse)
        #expect(stays.map(\.planCallDue) == [day("2026-11-24")])
        #expect(try f.log(p.id).first?.detail.hasPrefix("discharge notices") == true)
    }

    @Test func refusedSteps() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        // Not a ward, no open stay, a day in the future, a day before the admission.
        #expect(throws: StoreError.self) {
            try f.store.recordAdmissionNotice(p.id, ward: StoreFixture.cardiology, admittedOn: f.today,
                                              expectedDischargeOn: nil, as: f.nurse)
        }
        #expect(throws: StoreError.self) {
            try f.store.recordReadyForDischarge(p.id, ward: StoreFixture.ward, readyOn: f.today, as: f.nurse)
        }
        #expect(throws: StoreError.self) {
            try f.store.recordAdmissionNotice(p.id, ward: StoreFixture.ward, admittedOn: f.today.adding(days: 1),
                                              expectedDischargeOn: nil, as: f.nurse)
        }
        _ = try f.store.recordAdmissionNotice(p.id, ward: StoreFixture.ward, admittedOn: f.today,
                                              expectedDischargeOn: nil, as: f.nurse)
        #expect(throws: StoreError.self) {
            try f.store.recordDischargeOfNotice(p.id, ward: StoreFixture.ward, dischargedOn: f.today.adding(days: -1),
                                                as: f.nurse)
        }
        // Staff of a unit without a care relationship may not write it.
        #expect(throws: StoreError.self) {
            try f.store.recordReadyForDischarge(p.id, ward: StoreFixture.ward, readyOn: f.today, as: f.cardiologist)
        }
    }

    @Test func aPlanAgreedSinceTheAdmissionTakesThePatientOffTheReadyList() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        _ = try f.store.recordAdmissionNotice(p.id, ward: StoreFixture.ward, admittedOn: day("2026-11-18"),
                                              expectedDischargeOn: nil, as: f.nurse)
        _ = try f.store.recordReadyForDischarge(p.id, ward: StoreFixture.ward, readyOn: day("2026-11-19"), as: f.nurse)
        #expect(try list(f, .readyWithoutPlan).first?.entry.summary
                == "Ready for discharge 2026-11-19 at Medicinavdelning 7, no SIP: call overdue by 1 day")
        _ = try f.store.savePlan(CoordinatedPlan(id: 0, patientId: p.id, responsibleUnitId: StoreFixture.vc,
                                                 participants: [], goal: "Hem med hemsjukvård",
                                                 agreedOn: day("2026-11-23"), followUpOn: nil, consentOn: day("2026-11-23")),
                                 as: f.nurse)
        #expect(try list(f, .readyWithoutPlan).isEmpty)
    }
}
