import Foundation
import GRDB
import NaraDomain
import Testing
@testable import NaraStore

/// A write moves the counters of the patient it is about and of the units that show that
/// patient, and no others: so a session re-reads only when its record or its unit changed.
@Suite struct ChangeScopeTests {
    /// Every counter there is, read past the watcher.
    private func counters(_ f: StoreFixture) throws -> [String: Int64] {
        try f.store.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT scope, version FROM change_counter")
                .map { ($0["scope"] as String, $0["version"] as Int64) })
        }
    }

    /// The scopes whose counters moved while `body` ran.
    private func moved(_ f: StoreFixture, _ body: () throws -> Void) throws -> Set<String> {
        let before = try counters(f)
        try body()
        let after = try counters(f)
        return Set(after.keys.filter { after[$0] != before[$0] })
    }

    private func patient(_ id: PatientID) -> String { "patient/\(id.rawValue)" }
    private func unit(_ id: UnitID) -> String { "unit/\(id.rawValue)" }

    @Test func aChangeToAPatientMovesThePatientAndItsUnitsOnly() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let a = try f.patient(TestPnr.a, "Åsa", "Öberg")
        _ = try f.patient(TestPnr.b, "Anna", "Oberg", listed: false)
        #expect(try moved(f) {
            _ = try f.store.addProblem(a.id, code: "I10", text: "Hypertoni", chronic: true, since: nil, as: f.nurse)
        } == [patient(a.id), unit(StoreFixture.vc)])
    }

    @Test func aReferralMovesItsSenderAndReceiverAndLaterTheUnitsItLeaves() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let a = try f.patient(TestPnr.a, "Åsa", "Öberg")
        var r: Referral?
        #expect(try moved(f) {
            r = try f.store.createReferral(NewReferral(patientId: a.id, fromUnitId: StoreFixture.vc,
                                                       toUnitId: StoreFixture.cardiology, priority: .routine,
                                                       question: "Förmaksflimmer?"),
                                           at: f.at(2026, 11, 2), as: f.nurse)
        } == [patient(a.id), unit(StoreFixture.vc), unit(StoreFixture.cardiology)])
        // Every later change to the patient reaches the units with the referral open too.
        #expect(try moved(f) {
            _ = try f.store.addConsent(a.id, source: nil, until: nil, as: f.nurse)
        } == [patient(a.id), unit(StoreFixture.vc), unit(StoreFixture.cardiology)])
        let sent = try #require(r)
        #expect(try moved(f) {
            _ = try f.store.applyReferral(sent.id, .cancel(reason: "Fel mottagare"), expectedVersion: sent.version,
                                          at: f.at(2026, 11, 3), comment: "", as: f.nurse)
        }.isSuperset(of: [patient(a.id), unit(StoreFixture.cardiology)]))
        // A cancelled referral no longer shows the patient at the receiver.
        #expect(try moved(f) {
            _ = try f.store.addProblem(a.id, code: "I48", text: "Förmaksflimmer", chronic: true, since: nil, as: f.nurse)
        } == [patient(a.id), unit(StoreFixture.vc)])
    }

    @Test func aTaskToAPersonMovesThatPersonsUnit() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let a = try f.patient(TestPnr.a, "Åsa", "Öberg")
        #expect(try moved(f) {
            _ = try f.store.addTask(a.id, text: "Såromläggning", toStaff: "lena.ek", toUnit: nil, due: nil,
                                    priority: .normal, as: f.nurse)
        } == [patient(a.id), unit(StoreFixture.vc), unit(StoreFixture.homeCare)])
    }

    /// Reading writes a log row and nothing else: no session's screens move for it.
    @Test func readingARecordOrAListMovesNothing() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let a = try f.patient(TestPnr.a, "Åsa", "Öberg")
        #expect(try moved(f) {
            _ = try f.store.openRecord(a.id, as: f.nurse)
            _ = try f.store.searchPatients("öberg", limit: 10, as: f.nurse)
            _ = try f.store.openTasks(limit: 10, as: f.nurse)
            try f.store.logEvent("rapport", action: .read, as: f.nurse)
        }.isEmpty)
    }

    /// The record's counter covers what decides what the record shows: consent and blocks.
    @Test func consentAndBlocksMoveThePatient() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let a = try f.patient(TestPnr.a, "Åsa", "Öberg")
        #expect(try moved(f) {
            _ = try f.store.addConsent(a.id, source: nil, until: nil, as: f.nurse)
        }.contains(patient(a.id)))
        #expect(try moved(f) {
            _ = try f.store.addBlock(a.id, scope: .unit(StoreFixture.cardiology), reason: "Patientens begäran",
                                     as: f.nurse)
        } == [patient(a.id), unit(StoreFixture.vc), unit(StoreFixture.cardiology)])
        #expect(try moved(f) {
            try f.store.liftBlock(a.id, scope: .unit(StoreFixture.cardiology), as: f.nurse)
        }.contains(patient(a.id)))
    }

    @Test func aDirectoryChangeMovesItsUnitOnly() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        _ = try f.patient(TestPnr.a, "Åsa", "Öberg")
        #expect(try moved(f) {
            try f.store.addStaff(Staff(id: "ny.kardiolog", name: "Ny Kardiolog", profession: .physician,
                                       unitId: StoreFixture.cardiology, roles: [.physician]))
        } == [unit(StoreFixture.cardiology)])
        #expect(try moved(f) { try f.store.setStaffActive("karin.berg", active: false) } == [unit(StoreFixture.vc)])
    }

    /// The stamp a session polls moves with its patient and its unit, not with another's.
    @Test func theStampMovesWithTheScopeOnly() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let a = try f.patient(TestPnr.a, "Åsa", "Öberg")
        let b = try f.patient(TestPnr.b, "Anna", "Oberg")
        let session = try SQLiteStore.open(at: f.path)
        let scope = ChangeScope(patient: a.id, unit: StoreFixture.cardiology)
        let before = try session.changeStamp(scope)
        _ = try f.store.addProblem(b.id, code: "J45", text: "Astma", chronic: true, since: nil, as: f.nurse)
        #expect(try session.changeStamp(scope) == before)
        _ = try f.store.addProblem(a.id, code: "I10", text: "Hypertoni", chronic: true, since: nil, as: f.nurse)
        #expect(try session.changeStamp(scope) == ChangeStamp(patient: before.patient + 1, unit: before.unit))
    }
}
