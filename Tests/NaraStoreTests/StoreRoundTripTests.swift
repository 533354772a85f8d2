import Foundation
import GRDB
import NaraDomain
import Testing
@testable import NaraStore

@Suite struct StoreRoundTripTests {
    @Test func patientRoundTripsAndEveryRecordReadIsLogged() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        let before = try f.logCount()
        let record = try f.store.openRecord(p.id, as: f.nurse)
        #expect(record.patient == p)
        #expect(record.patient.identifier.display == "19450303-4565")
        #expect(record.patient.sex == .female)
        #expect(record.listings.first?.unitId == StoreFixture.vc)
        #expect(try f.logCount() == before + 1)
        let row = try #require(try f.log(p.id, limit: 1).first)
        #expect(row.action == .read)
        #expect(row.staffId == "karin.berg")
        #expect(row.unitId == StoreFixture.vc)
        #expect(row.clientAddress == "192.0.2.10")
        #expect(row.sessionId == "s-nurse")
        #expect(row.emergency == false)
    }

    @Test func everyRecordTypeRoundTrips() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.b, "Göran", "Åström")
        let problem = try f.store.addProblem(p.id, code: "i50.9", text: "Hjärtsvikt", chronic: true,
                                             since: LocalDate(year: 2019, month: 5, day: 1), as: f.nurse)
        #expect(problem.code == "I50.9")
        let enc = try f.store.recordEncounter(NewEncounter(patientId: p.id, at: f.at(2026, 10, 1), mode: .homeVisit,
                                                           planned: true, staffId: "karin.berg", unitId: StoreFixture.vc,
                                                           reason: "Viktkontroll"), as: f.nurse)
        let contact = try f.store.assignContact(NewCareContact(patientId: p.id, role: .careContact, staffId: "karin.berg",
                                                               unitId: StoreFixture.vc, reason: "Hjärtsviktsuppföljning",
                                                               from: LocalDate(year: 2026, month: 1, day: 1)!), as: f.nurse)
        let gp = try f.store.assignContact(NewCareContact(patientId: p.id, role: .namedPhysician, staffId: "olof.hagg",
                                                          unitId: StoreFixture.vc, reason: "Fast läkarkontakt",
                                                          from: LocalDate(year: 2025, month: 3, day: 1)!), as: f.nurse)
        let plan = try f.store.savePlan(CoordinatedPlan(id: 0, patientId: p.id, responsibleUnitId: StoreFixture.vc,
                                                        participants: [PlanParticipant(unitId: StoreFixture.vc, role: "Vårdcentral"),
                                                                       PlanParticipant(unitId: StoreFixture.homeCare, role: "Hemsjukvård")],
                                                        goal: "Bo kvar hemma", agreedOn: LocalDate(year: 2026, month: 9, day: 1)!,
                                                        followUpOn: LocalDate(year: 2026, month: 12, day: 1)), as: f.nurse)
        let discharge = try f.store.recordDischarge(p.id, unit: StoreFixture.ward,
                                                    admittedOn: LocalDate(year: 2026, month: 11, day: 10)!,
                                                    dischargedOn: LocalDate(year: 2026, month: 11, day: 18)!, as: f.nurse)
        let referral = try f.store.createReferral(NewReferral(patientId: p.id, fromUnitId: StoreFixture.vc,
                                                              toUnitId: StoreFixture.cardiology, priority: .priority,
                                                              question: "Ekokardiografi?"), at: f.at(2026, 11, 2), as: f.nurse)

        let record = try f.store.openRecord(p.id, as: f.nurse)
        #expect(record.problems == [problem])
        #expect(record.encounters == [enc])
        #expect(Set(record.contacts) == [contact, gp])
        #expect(record.plans == [plan])
        #expect(record.plans.first?.participants.count == 2)
        #expect(record.discharges == [discharge])
        #expect(record.referrals == [referral])
        #expect(record.staff["olof.hagg"]?.name == "Olof Hägg")
        #expect(record.units[StoreFixture.homeCare]?.principal == .municipality)
    }

    @Test func referralLifecycleIsStoredWithWhoAndWhen() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.c, "Björn", "Sjöberg")
        var r = try f.store.createReferral(NewReferral(patientId: p.id, fromUnitId: StoreFixture.vc,
                                                      toUnitId: StoreFixture.cardiology, priority: .routine,
                                                      question: "Bedömning av blåsljud"), at: f.at(2026, 8, 1), as: f.nurse)
        r = try f.store.applyReferral(r.id, .send, expectedVersion: r.version, at: f.at(2026, 8, 1), comment: "", as: f.nurse)
        r = try f.store.applyReferral(r.id, .confirmReceipt, expectedVersion: r.version, at: f.at(2026, 8, 3),
                                      comment: "Mottagen", as: f.cardiologist)
        r = try f.store.applyReferral(r.id, .accept, expectedVersion: r.version, at: f.at(2026, 8, 4), comment: "",
                                      as: f.cardiologist)
        r = try f.store.applyReferral(r.id, .pauseClock(.patientChosen, comment: "Patienten reser bort", offeredOn: LocalDate(iso: "2026-08-20"),
                                                     patientInformed: true),
                                      expectedVersion: r.version, at: f.at(2026, 8, 10), comment: "", as: f.cardiologist)
        r = try f.store.applyReferral(r.id, .resumeClock, expectedVersion: r.version, at: f.at(2026, 8, 20), comment: "",
                                      as: f.cardiologist)
        let stored = try f.store.read { db in try ReferralRows.one(db, id: r.id) }
        #expect(stored == r)
        #expect(stored?.state == .accepted)
        #expect(stored?.sentOn == LocalDate(year: 2026, month: 8, day: 1))
        #expect(stored?.history.map(\.action) == [.create, .send, .confirmReceipt, .accept, .pauseClock, .resumeClock])
        #expect(stored?.history[2].staffId == "erik.sjoberg")
        #expect(stored?.history[2].comment == "Mottagen")
        #expect(stored?.pauses.first?.to == LocalDate(year: 2026, month: 8, day: 20))
        // 90 days from 2026-08-01 plus a 10-day pause.
        #expect(stored?.guaranteeClock()?.deadline(today: f.today) == LocalDate(year: 2026, month: 11, day: 9))
        #expect(stored?.isOverdue(today: f.today) == true)
    }

    @Test func illegalReferralStepIsRefusedAndNothingIsWritten() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.c, "Björn", "Sjöberg")
        let r = try f.store.createReferral(NewReferral(patientId: p.id, fromUnitId: StoreFixture.vc,
                                                      toUnitId: StoreFixture.cardiology, priority: .routine,
                                                      question: "Fråga"), at: f.at(2026, 8, 1), as: f.nurse)
        let logBefore = try f.logCount()
        // A draft gives the addressee no care relationship, so the door refuses first.
        #expect(throws: StoreError.emergencyAccessRequired(p.id)) {
            try f.store.applyReferral(r.id, .accept, expectedVersion: r.version, at: f.at(2026, 8, 2), comment: "",
                                      as: f.cardiologist)
        }
        let sent = try f.store.applyReferral(r.id, .send, expectedVersion: r.version, at: f.at(2026, 8, 2), comment: "",
                                             as: f.nurse)
        #expect(throws: ReferralError.self) {
            try f.store.applyReferral(r.id, .accept, expectedVersion: sent.version, at: f.at(2026, 8, 2), comment: "",
                                      as: f.cardiologist)
        }
        #expect(try f.logCount() == logBefore + 1)  // the send only
        #expect(try f.store.read { db in try ReferralRows.one(db, id: r.id) }?.state == .sent)
    }

    @Test func secondSaveOnAnOldVersionIsAConflictNamingWhoChangedIt() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        let r = try f.store.createReferral(NewReferral(patientId: p.id, fromUnitId: StoreFixture.vc,
                                                      toUnitId: StoreFixture.cardiology, priority: .urgent,
                                                      question: "Fråga"), at: f.at(2026, 8, 1), as: f.nurse)
        _ = try f.store.applyReferral(r.id, .send, expectedVersion: r.version, at: f.at(2026, 8, 1), comment: "", as: f.nurse)
        #expect(throws: StoreError.conflict(changedBy: "karin.berg", at: f.at(2026, 8, 1))) {
            try f.store.applyReferral(r.id, .cancel(reason: "Fel mottagare"), expectedVersion: r.version,
                                      at: f.at(2026, 8, 1), comment: "", as: f.nurse)
        }
        let contact = try f.store.assignContact(NewCareContact(patientId: p.id, role: .careContact, staffId: "karin.berg",
                                                               unitId: StoreFixture.vc, reason: "Diabetes",
                                                               from: LocalDate(year: 2026, month: 1, day: 1)!), as: f.nurse)
        _ = try f.store.endContact(contact.id, expectedVersion: contact.version, on: f.today, reason: "Flyttar", as: f.nurse)
        #expect(throws: StoreError.self) {
            try f.store.endContact(contact.id, expectedVersion: contact.version, on: f.today, reason: "Flyttar", as: f.nurse)
        }
    }

    @Test func assigningANewContactEndsThePreviousOne() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        let first = try f.store.assignContact(NewCareContact(patientId: p.id, role: .namedPhysician, staffId: "olof.hagg",
                                                             unitId: StoreFixture.vc, reason: "Fast läkare",
                                                             from: LocalDate(year: 2024, month: 1, day: 1)!), as: f.nurse)
        _ = try f.store.assignContact(NewCareContact(patientId: p.id, role: .namedPhysician, staffId: "maria.lind",
                                                     unitId: StoreFixture.vc, reason: "Patientens önskan",
                                                     from: LocalDate(year: 2026, month: 6, day: 1)!), as: f.nurse)
        let record = try f.store.openRecord(p.id, as: f.nurse)
        let active = record.activeContacts(on: f.today, role: .namedPhysician)
        #expect(active.map(\.staffId) == ["maria.lind"])
        let ended = try #require(record.contacts.first { $0.id == first.id })
        #expect(ended.to == LocalDate(year: 2026, month: 6, day: 1))
        #expect(ended.replacedBy == "maria.lind" && ended.endReason == "Patientens önskan")
        #expect(throws: StoreError.self) {
            try f.store.assignContact(NewCareContact(patientId: p.id, role: .namedPhysician, staffId: "karin.berg",
                                                     unitId: StoreFixture.vc, reason: "Sjuksköterska som läkare?",
                                                     from: f.today), as: f.nurse)
        }
    }

    @Test func badInputIsRefusedWithAReasonAndNothingIsSaved() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        #expect(throws: StoreError.refused(.required(.reason))) {
            try f.store.recordEncounter(NewEncounter(patientId: p.id, at: f.at(2026, 1, 1), mode: .phone, planned: false,
                                                     staffId: "karin.berg", unitId: StoreFixture.vc, reason: " \u{1B} "),
                                        as: f.nurse)
        }
        #expect(throws: StoreError.self) {
            try f.store.addProblem(p.id, code: "diabetes", text: "Diabetes", chronic: true, since: nil, as: f.nurse)
        }
        #expect(throws: StoreError.duplicate("a patient with 19450303-4565")) {
            try f.patient(TestPnr.a, "Åsa", "Öberg")
        }
        #expect(throws: StoreError.self) {
            try f.store.setListing(p.id, unit: StoreFixture.cardiology, from: f.today, as: f.nurse)
        }
        #expect(try f.store.openRecord(p.id, as: f.nurse).encounters.isEmpty)
    }

    @Test func controlAndBidiCharactersAreRemovedOnTheWayIn() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let id = try PersonIdentifier.parse(TestPnr.b, today: f.today)
        let p = try f.store.registerPatient(NewPatient(identifier: id, givenName: "Ann\u{1B}]0;x\u{07}a",
                                                       familyName: "Ek\u{202E}dahl\u{9B}"),
                                            listedAt: StoreFixture.vc, on: f.today, as: f.nurse)
        #expect(p.givenName == "Ann]0;xa")
        #expect(p.familyName == "Ekdahl")
        #expect(try f.store.openRecord(p.id, as: f.nurse).patient.familyName == "Ekdahl")
    }

    @Test func theAccessLogRefusesUpdateAndDelete() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        _ = try f.store.openRecord(p.id, as: f.nurse)
        #expect(throws: (any Error).self) {
            try f.store.write { db in try db.execute(sql: "UPDATE access_log SET staff_id = 'x'") }
        }
        #expect(throws: (any Error).self) {
            try f.store.write { db in try db.execute(sql: "DELETE FROM access_log") }
        }
        #expect(try f.logCount() == 2)
    }
}

/// A named contact dated ahead: at most a month, and it can be ended before it starts
/// (the nurse review: one dated in the future could never be ended).
@Suite struct FutureContactTests {
    @Test func aContactAheadCanBeEndedAndNotTooFarAhead() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        func assign(_ days: Int) throws -> CareContact {
            try f.store.assignContact(NewCareContact(patientId: p.id, role: .careContact, staffId: "karin.berg",
                                                     unitId: StoreFixture.vc, reason: "Samordning",
                                                     from: f.today.adding(days: days)), as: f.nurse)
        }
        #expect(throws: StoreError.refused(.contactTooFarAhead(days: 31))) { try assign(32) }
        let ahead = try assign(31)
        let ended = try f.store.endContact(ahead.id, expectedVersion: ahead.version, on: f.today, reason: "Fel datum",
                                           as: f.nurse)
        #expect(ended.to == ahead.from)
    }
}
