import Foundation
import NaraApp
import NaraDomain
import NaraStore
import Testing

/// Another session's commit reaches this one on the next tick.
@Suite struct ChangeWatchTests {
    @Test func anotherSessionsEncounterAppearsInTheOpenRecordAndSearch() throws {
        let f = try AppFixture()
        defer { f.remove() }
        f.type("öberg")
        f.press(.enter)
        let id = try #require(f.app.state.patient?.patient.id)
        #expect(f.app.state.patient?.encounters.isEmpty == true)
        f.app.handleAndSettle(.tick)
        let other = try SQLiteStore.open(at: f.store.path)
        let colleague = AccessContext(staffId: "karin.berg", unitId: AppFixture.vc, sessionId: "other")
        _ = try other.recordEncounter(NewEncounter(patientId: id, at: Date(timeIntervalSince1970: 1_790_000_000),
                                                   mode: .phone, planned: false, staffId: "karin.berg",
                                                   unitId: AppFixture.vc, reason: "Telefonrådgivning"), as: colleague)
        f.app.handleAndSettle(.tick)
        #expect(f.app.state.patient?.encounters.count == 1)
    }

    @Test func theFingerprintChangesWithTheRecordOnly() throws {
        let f = try AppFixture()
        defer { f.remove() }
        let hits = try f.store.searchPatients("öberg", limit: 1, as: testNurse)
        let id = try #require(hits.first?.id)
        let before = try f.store.recordFingerprint(id)
        let logBefore = try f.store.logRows(patient: nil, limit: 1000).count
        #expect(try f.store.recordFingerprint(id) == before)
        #expect(try f.store.logRows(patient: nil, limit: 1000).count == logBefore)
        let context = AccessContext(staffId: "karin.berg", unitId: AppFixture.vc, sessionId: "t")
        _ = try f.store.addProblem(id, code: "I10", text: "Hypertoni", chronic: true, since: nil, as: context)
        #expect(try f.store.recordFingerprint(id) != before)
    }
}
