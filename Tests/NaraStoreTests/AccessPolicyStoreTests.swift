import Foundation
import NaraDomain
import Testing
@testable import NaraStore

/// The access policy as the store's door enforces it, for reads and for writes
/// (DOMAIN.md "Access and logging"; security review H1–H3, M1–M4).
@Suite struct AccessPolicyStoreTests {
    static let norr: UnitID = "SE2321000164-vc02"
    static let psychiatry: UnitID = "SE2321000164-psy1"

    /// A patient listed at another vårdcentral, so the fixture's nurse has no relationship.
    func stranger(_ f: StoreFixture) throws -> Patient {
        try f.store.addUnit(CareUnit(id: Self.norr, name: "Vårdcentralen Norr", principal: .region, kind: .primaryCare))
        try f.store.addStaff(Staff(id: "nils.norr", name: "Nils Norr", profession: .nurse, unitId: Self.norr, roles: [.nurse]))
        let id = try PersonIdentifier.parse(TestPnr.c, today: f.today)
        return try f.store.registerPatient(NewPatient(identifier: id, givenName: "Björn", familyName: "Sjöberg"),
                                           listedAt: Self.norr, on: f.today, as: f.nurse)
    }

    var norrNurse: AccessContext { AccessContext(staffId: "nils.norr", unitId: Self.norr, sessionId: "n") }

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
        let row = try #require(try f.log(p.id, limit: 1).first)
        #expect(row.emergency)
        #expect(row.reason == "Patienten på akutbesök, svimmat")
        #expect(row.detail == "record [emergency]")
    }

    @Test func eachKindOfRelationshipOpensTheRecord() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try stranger(f)
        // The listing unit's own nurse.
        _ = try f.store.openRecord(p.id, as: norrNurse)
        #expect(try f.log(p.id).first?.detail == "record [listing]")
        // A draft referral gives the addressee nothing; sending it does.
        let draft = try f.store.createReferral(NewReferral(patientId: p.id, fromUnitId: Self.norr,
                                                           toUnitId: StoreFixture.cardiology, priority: .routine,
                                                           question: "Bedömning"), at: f.at(2026, 11, 1), as: norrNurse)
        #expect(throws: StoreError.emergencyAccessRequired(p.id)) { try f.store.openRecord(p.id, as: f.cardiologist) }
        _ = try f.store.applyReferral(draft.id, .send, expectedVersion: draft.version, at: f.at(2026, 11, 1),
                                      comment: "", as: norrNurse)
        _ = try f.store.openRecord(p.id, as: f.cardiologist)
        #expect(try f.log(p.id).first?.detail == "record [referral]")
        // A plan is a relationship for its units only with the person's consent.
        let homeNurse = AccessContext(staffId: "lena.ek", unitId: StoreFixture.homeCare, sessionId: "h")
        var plan = try f.store.savePlan(CoordinatedPlan(id: 0, patientId: p.id, responsibleUnitId: Self.norr,
                                                        participants: [PlanParticipant(unitId: StoreFixture.homeCare,
                                                                                       role: "Hemsjukvård")],
                                                        goal: "Hemma", agreedOn: f.today, followUpOn: nil), as: norrNurse)
        #expect(throws: StoreError.emergencyAccessRequired(p.id)) { try f.store.openRecord(p.id, as: homeNurse) }
        plan.consentOn = f.today
        _ = try f.store.savePlan(plan, as: norrNurse)
        _ = try f.store.openRecord(p.id, as: homeNurse)
        #expect(try f.log(p.id).first?.detail == "record [coordinated_plan]")
    }

    /// The municipality is another provider: the region's entries need the patient's consent.
    @Test func anotherProvidersEntriesNeedConsentAndRevokingEndsItAtOnce() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        _ = try f.store.addProblem(p.id, code: "I50", text: "Hjärtsvikt", chronic: true, since: nil, as: f.nurse)
        let homeNurse = AccessContext(staffId: "lena.ek", unitId: StoreFixture.homeCare, sessionId: "h")
        _ = try f.store.savePlan(CoordinatedPlan(id: 0, patientId: p.id, responsibleUnitId: StoreFixture.vc,
                                                 participants: [PlanParticipant(unitId: StoreFixture.homeCare, role: "")],
                                                 goal: "Hemma", agreedOn: f.today, followUpOn: nil, consentOn: f.today),
                                 as: f.nurse)
        let without = try f.store.openRecord(p.id, as: homeNurse)
        #expect(without.problems.isEmpty)
        #expect(without.hidden.needingConsent == ["SE2321000164"])
        #expect(without.patient.familyName == "Öberg")
        _ = try f.store.addConsent(p.id, source: "SE2321000164", until: nil, as: homeNurse)
        #expect(try f.store.openRecord(p.id, as: homeNurse).problems.map(\.code) == ["I50"])
        #expect(try f.log(p.id, limit: 2).last?.detail == "consent to read SE2321000164 [coordinated_plan]")
        try f.store.revokeConsent(p.id, source: nil, as: homeNurse)
        #expect(try f.store.openRecord(p.id, as: homeNurse).problems.isEmpty)
        // Consent is recorded by someone with a relationship, never through emergency access.
        var stranger = AccessContext(staffId: "erik.sjoberg", unitId: StoreFixture.cardiology, sessionId: "k")
        stranger.emergencyReason = "Akut bröstsmärta"
        #expect(throws: StoreError.accessDenied(.relationshipRequired)) {
            try f.store.addConsent(p.id, source: nil, until: nil, as: stranger)
        }
    }

    @Test func rolesDecideWhatIsShownAndAdministratorsOpenNothing() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try f.store.addStaff(Staff(id: "sara.sekr", name: "Sara Sekr", profession: .secretary, unitId: StoreFixture.vc,
                                   roles: [.secretary, .administrator]))
        try f.store.addStaff(Staff(id: "ada.admin", name: "Ada Admin", profession: .secretary, unitId: StoreFixture.vc,
                                   roles: [.administrator]))
        try f.store.addStaff(Staff(id: "ulla.usk", name: "Ulla Usk", profession: .assistantNurse, unitId: StoreFixture.vc))
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        _ = try f.store.addProblem(p.id, code: "I10", text: "Hypertoni", chronic: true, since: nil, as: f.nurse)
        let secretary = AccessContext(staffId: "sara.sekr", unitId: StoreFixture.vc, sessionId: "s")
        let record = try f.store.openRecord(p.id, as: secretary)
        #expect(record.problems.isEmpty && record.hidden.notForRole == [.clinical])
        #expect(throws: StoreError.accessDenied(.notForRole)) {
            try f.store.addProblem(p.id, code: "E11", text: "Diabetes", chronic: true, since: nil, as: secretary)
        }
        var admin = AccessContext(staffId: "ada.admin", unitId: StoreFixture.vc, sessionId: "a")
        admin.emergencyReason = "Vill bara titta lite"
        #expect(throws: StoreError.accessDenied(.administratorWithoutRelationship)) { try f.store.openRecord(p.id, as: admin) }
        let noRole = AccessContext(staffId: "ulla.usk", unitId: StoreFixture.vc, sessionId: "u")
        #expect(throws: StoreError.accessDenied(.noClinicalRole)) { try f.store.openRecord(p.id, as: noRole) }
        #expect(throws: StoreError.accessDenied(.notForRole)) { try f.store.searchPatients("öb", limit: 5, as: noRole) }
    }

    /// Security review H2: after one emergency access a nurse made herself named contact.
    @Test func emergencyAccessGivesNoLastingRelationship() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try stranger(f)
        var emergency = f.nurse
        emergency.emergencyReason = "Patienten på akutbesök, svimmat"
        _ = try f.store.openRecord(p.id, as: emergency)
        #expect(throws: StoreError.accessDenied(.relationshipRequired)) {
            try f.store.assignContact(NewCareContact(patientId: p.id, role: .careContact, staffId: "karin.berg",
                                                     unitId: StoreFixture.vc, reason: "Samordning", from: f.today),
                                      as: emergency)
        }
        // Care given in the emergency is documented, and the write is flagged.
        _ = try f.store.recordEncounter(NewEncounter(patientId: p.id, at: f.at(2026, 11, 23, hour: 9), mode: .visit,
                                                     planned: false, staffId: "karin.berg", unitId: StoreFixture.vc,
                                                     reason: "Akut omhändertagande"), as: emergency)
        let row = try #require(try f.log(p.id).first)
        #expect(row.action == .write && row.emergency && row.detail == "encounter [emergency]")
    }

    /// Security review H3: an encounter saved in another clinician's name, no author.
    @Test func anEncounterHasItsAuthorAndItsClinicianWorksAtTheUnit() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        let saved = try f.store.recordEncounter(NewEncounter(patientId: p.id, at: f.at(2026, 11, 20), mode: .phone,
                                                             planned: false, staffId: "olof.hagg", unitId: StoreFixture.vc,
                                                             reason: "Telefonrådgivning"), as: f.nurse)
        #expect(saved.authorId == "karin.berg")
        #expect(try f.store.openRecord(p.id, as: f.nurse).encounters.first?.authorId == "karin.berg")
        #expect(try f.log(p.id, limit: 2).last?.detail == "encounter for olof.hagg [listing]")
        #expect(throws: StoreError.refused(.notClinicianAtUnit(name: "Erik Sjöberg"))) {
            try f.store.recordEncounter(NewEncounter(patientId: p.id, at: f.at(2026, 11, 20), mode: .phone,
                                                     planned: false, staffId: "erik.sjoberg", unitId: StoreFixture.vc,
                                                     reason: "Besök"), as: f.nurse)
        }
        #expect(throws: StoreError.refused(.encounterAtOwnUnit(UnitID(rawValue: "SE2321000164-vc01")))) {
            try f.store.recordEncounter(NewEncounter(patientId: p.id, at: f.at(2026, 11, 20), mode: .phone,
                                                     planned: false, staffId: "erik.sjoberg",
                                                     unitId: StoreFixture.cardiology, reason: "Besök"), as: f.nurse)
        }
    }

    @Test func onlyAUnitTakingPartChangesWhoTakesPartInAPlan() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        var plan = try f.store.savePlan(CoordinatedPlan(id: 0, patientId: p.id, responsibleUnitId: StoreFixture.vc,
                                                        participants: [], goal: "Hemma", agreedOn: f.today,
                                                        followUpOn: nil, consentOn: f.today), as: f.nurse)
        plan.participants = [PlanParticipant(unitId: StoreFixture.cardiology, role: "")]
        var cardiology = f.cardiologist
        cardiology.emergencyReason = "Akut bröstsmärta hos patienten"
        #expect(throws: StoreError.accessDenied(.relationshipRequired)) { try f.store.savePlan(plan, as: cardiology) }
        #expect(throws: StoreError.refused(.planChangedByParticipantsOnly)) {
            try f.store.savePlan(CoordinatedPlan(id: 0, patientId: p.id, responsibleUnitId: StoreFixture.cardiology,
                                                 participants: [], goal: "x", agreedOn: f.today, followUpOn: nil),
                                 as: f.nurse)
        }
    }

    /// Security review M4: a deactivated user's open session kept writing.
    @Test func aDeactivatedUsersSessionStopsAtItsNextAction() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        _ = try f.store.openRecord(p.id, as: f.nurse)
        try f.store.setStaffActive("karin.berg", active: false)
        #expect(throws: StoreError.accessDenied(.inactiveUser)) { try f.store.openRecord(p.id, as: f.nurse) }
        #expect(throws: StoreError.accessDenied(.inactiveUser)) {
            try f.store.addProblem(p.id, code: "I10", text: "Hypertoni", chronic: true, since: nil, as: f.nurse)
        }
        #expect(throws: StoreError.accessDenied(.inactiveUser)) { try f.store.searchPatients("öb", limit: 5, as: f.nurse) }
        #expect(throws: StoreError.accessDenied(.inactiveUser)) {
            try f.store.workList(.chronicWithoutEncounter, unit: StoreFixture.vc, settings: .default, today: f.today,
                                 limit: 10, as: f.nurse)
        }
    }

    /// Security review M1: digits typed one by one listed protected people with their unit.
    @Test func aProtectedIdentityIsFoundOnlyByTheWholeIdentifier() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try f.patient(TestPnr.a, "Åsa", "Öberg", protected: true)
        #expect(try f.store.searchPatients("194503", limit: 50, as: f.nurse).isEmpty)
        #expect(try f.store.searchPatients("19450303456", limit: 50, as: f.nurse).isEmpty)
        let whole = try #require(try f.store.searchPatients("19450303-4565", limit: 50, as: f.nurse).first)
        #expect(whole.name == nil && whole.listingUnitName == nil && whole.namedContactName == nil)
        #expect(try f.store.searchPatients("4503034565", limit: 50, as: f.nurse).count == 1)
    }
}
