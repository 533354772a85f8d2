import Foundation
import NaraDomain
import Testing
@testable import NaraStore

/// Each work list through the store: SQL narrows, the domain rule decides.
@Suite struct WorkListStoreTests {
    func list(_ f: StoreFixture, _ kind: WorkListKind) throws -> [String] {
        try f.store.workList(kind, unit: StoreFixture.vc, settings: .default, today: f.today, limit: 100, as: f.nurse)
            .map { $0.patient.name ?? "?" }
    }

    @Test func elderlyMultimorbidWithoutNamedContact() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let old = try f.patient(TestPnr.b, "Märta", "Ek")          // 88 years
        let covered = try f.patient("19380101-0012", "Greta", "Holm")
        let young = try f.patient(TestPnr.c, "Björn", "Sjöberg")   // 74
        for p in [old, covered, young] {
            for (code, text) in [("I10", "Hypertoni"), ("E11", "Diabetes"), ("I50", "Hjärtsvikt")] {
                _ = try f.store.addProblem(p.id, code: code, text: text, chronic: true, since: nil, as: f.nurse)
            }
        }
        _ = try f.store.assignContact(NewCareContact(patientId: covered.id, role: .careContact, staffId: "karin.berg",
                                                     unitId: StoreFixture.vc, reason: "Samordning",
                                                     from: LocalDate(year: 2025, month: 1, day: 1)!), as: f.nurse)
        #expect(try list(f, .elderlyMultimorbidWithoutContact) == ["Märta Ek"])
        let row = try #require(try f.store.workList(.elderlyMultimorbidWithoutContact, unit: StoreFixture.vc,
                                                    settings: .default, today: f.today, limit: 10, as: f.nurse).first)
        #expect(row.entry.reason == .elderlyMultimorbid(age: 88, chronic: 3))
    }

    @Test func listedPatientsWithoutANamedGPHere() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let without = try f.patient(TestPnr.a, "Åsa", "Öberg")
        let with = try f.patient(TestPnr.b, "Märta", "Ek")
        _ = try f.patient(TestPnr.c, "Björn", "Sjöberg", listed: false)
        _ = try f.store.assignContact(NewCareContact(patientId: with.id, role: .namedPhysician, staffId: "olof.hagg",
                                                     unitId: StoreFixture.vc, reason: "Listning",
                                                     from: LocalDate(year: 2025, month: 1, day: 1)!), as: f.nurse)
        let rows = try f.store.workList(.withoutNamedGP, unit: StoreFixture.vc, settings: .default, today: f.today,
                                        limit: 10, as: f.nurse)
        #expect(rows.map(\.patient.id) == [without.id])
        #expect(rows.first?.entry.reason == .noNamedGP(age: 81, listedSince: LocalDate(year: 2020, month: 1, day: 1)!))
    }

    @Test func overdueAndUnconfirmedReferrals() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let late = try f.patient(TestPnr.a, "Åsa", "Öberg")
        let fresh = try f.patient(TestPnr.b, "Göran", "Åström")
        var r = try f.store.createReferral(NewReferral(patientId: late.id, fromUnitId: StoreFixture.vc,
                                                      toUnitId: StoreFixture.cardiology, priority: .routine,
                                                      question: "Bedömning"), at: f.at(2026, 6, 1), as: f.nurse)
        r = try f.store.applyReferral(r.id, .send, expectedVersion: r.version, at: f.at(2026, 6, 1), comment: "", as: f.nurse)
        var s = try f.store.createReferral(NewReferral(patientId: fresh.id, fromUnitId: StoreFixture.vc,
                                                      toUnitId: StoreFixture.cardiology, priority: .routine,
                                                      question: "Bedömning"), at: f.at(2026, 11, 20), as: f.nurse)
        s = try f.store.applyReferral(s.id, .send, expectedVersion: s.version, at: f.at(2026, 11, 20), comment: "",
                                      as: f.nurse)
        #expect(try list(f, .overdueReferrals) == ["Åsa Öberg"])
        #expect(try list(f, .unacknowledgedReferrals) == ["Åsa Öberg"])
        // The receiver's queue sees it too.
        let inbox = try f.store.referrals(box: .inbox, unit: StoreFixture.cardiology, includeClosed: false, limit: 50, as: f.cardiologist)
        #expect(inbox.map(\.referral.id) == [r.id, s.id])
        #expect(try f.store.referrals(box: .outbox, unit: StoreFixture.vc, includeClosed: false, limit: 50, as: f.nurse).count == 2)
        #expect(try f.store.referrals(box: .inbox, unit: StoreFixture.vc, includeClosed: false, limit: 50, as: f.nurse).isEmpty)
    }

    @Test func dischargedWithoutPrimaryCareContactAndPlanFollowUp() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.b, "Märta", "Ek")
        let q = try f.patient(TestPnr.c, "Björn", "Sjöberg")
        for x in [p, q] {
            _ = try f.store.recordDischarge(x.id, unit: StoreFixture.ward, admittedOn: LocalDate(year: 2026, month: 11, day: 12)!,
                                            dischargedOn: LocalDate(year: 2026, month: 11, day: 19)!, as: f.nurse)
        }
        _ = try f.store.recordEncounter(NewEncounter(patientId: q.id, at: f.at(2026, 11, 20), mode: .phone, planned: true,
                                                     staffId: "karin.berg", unitId: StoreFixture.vc,
                                                     reason: "Uppföljning efter utskrivning"), as: f.nurse)
        #expect(try list(f, .dischargedWithoutContact) == ["Märta Ek"])
        _ = try f.store.savePlan(CoordinatedPlan(id: 0, patientId: q.id, responsibleUnitId: StoreFixture.vc,
                                                 participants: [PlanParticipant(unitId: StoreFixture.homeCare, role: "Hemsjukvård")],
                                                 goal: "Trygg hemma", agreedOn: LocalDate(year: 2026, month: 5, day: 1)!,
                                                 followUpOn: LocalDate(year: 2026, month: 11, day: 1)), as: f.nurse)
        #expect(try list(f, .planFollowUpDue) == ["Björn Sjöberg"])
    }

    @Test func chronicWithoutEncounterAndLowContinuity() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let silent = try f.patient(TestPnr.a, "Åsa", "Öberg")
        _ = try f.store.addProblem(silent.id, code: "E11", text: "Diabetes", chronic: true, since: nil, as: f.nurse)
        let busy = try f.patient(TestPnr.b, "Märta", "Ek")
        _ = try f.store.addProblem(busy.id, code: "J44", text: "KOL", chronic: true, since: nil, as: f.nurse)
        try f.store.addStaff(Staff(id: "anna.vik", name: "Anna Vik", profession: .nurse, unitId: StoreFixture.vc,
                                   roles: [.nurse]))
        let staff: [StaffID] = ["olof.hagg", "maria.lind", "karin.berg", "anna.vik"]
        for (i, s) in staff.enumerated() {
            _ = try f.store.recordEncounter(NewEncounter(patientId: busy.id, at: f.at(2026, 3 + i, 10), mode: .visit,
                                                         planned: false, staffId: s, unitId: StoreFixture.vc,
                                                         reason: "Besök"), as: f.nurse)
        }
        #expect(try list(f, .chronicWithoutEncounter) == ["Åsa Öberg"])
        #expect(try list(f, .frequentLowContinuity) == ["Märta Ek"])
    }
}
