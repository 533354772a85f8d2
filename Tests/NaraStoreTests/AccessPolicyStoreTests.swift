import Foundation
import NaraDomain
import Testing
@testable import NaraStore

/// The access policy enforced by the store's door when a record is opened.
@Suite struct AccessPolicyStoreTests {
    /// A patient listed elsewhere, so the vårdcentral's nurse has no relationship yet.
    func stranger(_ f: StoreFixture) throws -> Patient {
        try f.store.addUnit(CareUnit(id: "SE2321000164-vc02", name: "Vårdcentralen Norr", principal: .region,
                                     kind: .primaryCare))
        let id = try PersonIdentifier.parse(TestPnr.c, today: f.today)
        return try f.store.registerPatient(NewPatient(identifier: id, givenName: "Björn", familyName: "Sjöberg"),
                                           listedAt: "SE2321000164-vc02", on: f.today, as: f.nurse)
    }

    @Test func withoutARelationshipTheRecordOpensOnlyThroughEmergencyAccess() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try stranger(f)
        let before = try f.logCount()
        #expect(throws: StoreError.emergencyAccessRequired(p.id)) { try f.store.openRecord(p.id, as: f.nurse) }
        #expect(try f.logCount() == before)
        var tooShort = f.nurse
        tooShort.emergencyReason = "akut"
        #expect(throws: StoreError.accessDenied(.emergencyReasonRequired)) { try f.store.openRecord(p.id, as: tooShort) }
        var emergency = f.nurse
        emergency.emergencyReason = "Patienten på akutbesök, svimmat"
        #expect(try f.store.openRecord(p.id, as: emergency).patient.id == p.id)
        let row = try #require(try f.store.accessLog(patient: p.id, limit: 1).first)
        #expect(row.emergency)
        #expect(row.reason == "Patienten på akutbesök, svimmat")
        #expect(row.detail.contains("emergency"))
    }

    @Test func eachKindOfRelationshipOpensTheRecord() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try stranger(f)
        // Named contact.
        let contact = try f.store.assignContact(NewCareContact(patientId: p.id, role: .careContact, staffId: "karin.berg",
                                                               unitId: "SE2321000164-vc02", reason: "Samordning",
                                                               from: f.today), as: f.nurse)
        #expect(try f.store.accessLog(patient: p.id, limit: 1).first?.action == .write)
        _ = try f.store.openRecord(p.id, as: f.nurse)
        #expect(try f.store.accessLog(patient: p.id, limit: 1).first?.detail == "record (named_contact)")
        _ = try f.store.endContact(contact.id, expectedVersion: contact.version, on: f.today.adding(days: 1),
                                   reason: "Slut", as: f.nurse)
        // A referral between the cardiology clinic and the patient's unit opens it for cardiology.
        #expect(throws: StoreError.emergencyAccessRequired(p.id)) { try f.store.openRecord(p.id, as: f.cardiologist) }
        let norr = AccessContext(staffId: "olof.hagg", unitId: "SE2321000164-vc02", sessionId: "n")
        _ = try f.store.createReferral(NewReferral(patientId: p.id, fromUnitId: "SE2321000164-vc02",
                                                   toUnitId: StoreFixture.cardiology, priority: .routine,
                                                   question: "Bedömning"), at: f.at(2026, 11, 1), as: norr)
        _ = try f.store.openRecord(p.id, as: f.cardiologist)
        #expect(try f.store.accessLog(patient: p.id, limit: 1).first?.detail == "record (referral)")
        // A coordinated plan with the municipality's home care.
        let homeNurse = AccessContext(staffId: "lena.ek", unitId: StoreFixture.homeCare, sessionId: "h")
        #expect(throws: StoreError.emergencyAccessRequired(p.id)) { try f.store.openRecord(p.id, as: homeNurse) }
        _ = try f.store.savePlan(CoordinatedPlan(id: 0, patientId: p.id, responsibleUnitId: "SE2321000164-vc02",
                                                 participants: [PlanParticipant(unitId: StoreFixture.homeCare, role: "Hemsjukvård")],
                                                 goal: "Hemma", agreedOn: f.today, followUpOn: nil), as: norr)
        _ = try f.store.openRecord(p.id, as: homeNurse)
        #expect(try f.store.accessLog(patient: p.id, limit: 1).first?.detail == "record (coordinated_plan)")
    }

    @Test func aRecentEncounterAtTheUnitIsARelationship() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try stranger(f)
        _ = try f.store.recordEncounter(NewEncounter(patientId: p.id, at: f.at(2026, 6, 1), mode: .visit, planned: false,
                                                     staffId: "karin.berg", unitId: StoreFixture.vc,
                                                     reason: "Akutbesök på annan vårdcentral"), as: f.nurse)
        _ = try f.store.openRecord(p.id, as: f.nurse)
        #expect(try f.store.accessLog(patient: p.id, limit: 1).first?.detail == "record (recent_encounter)")
    }

    @Test func administratorsDoNotOpenRecordsWithoutARelationship() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try f.store.addStaff(Staff(id: "admin", name: "Ada Admin", profession: .secretary, unitId: StoreFixture.homeCare,
                                   roles: [.administrator]))
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        var admin = AccessContext(staffId: "admin", unitId: StoreFixture.homeCare, sessionId: "a")
        admin.emergencyReason = "Vill bara titta lite"
        #expect(throws: StoreError.accessDenied(.administratorWithoutRelationship)) {
            try f.store.openRecord(p.id, as: admin)
        }
    }
}
