import Foundation
import NaraApp
import NaraDomain
import NaraStore
import Testing

/// Another session's commit reaches this one on the next tick, when it touched the open
/// record or the user's unit; any other commit makes the session read nothing.
@Suite struct ChangeWatchTests {
    static let norr: UnitID = "SE2321000164-vc02"
    static let colleague = AccessContext(staffId: "karin.berg", unitId: AppFixture.vc, sessionId: "other")

    @Test func anotherSessionsEncounterAppearsInTheOpenRecordAndSearch() throws {
        let f = try AppFixture()
        defer { f.remove() }
        f.type("öberg")
        f.press(.enter)
        let id = try #require(f.app.state.patient?.patient.id)
        #expect(f.app.state.patient?.encounters.isEmpty == true)
        f.app.handleAndSettle(.tick)
        let other = try SQLiteStore.open(at: f.store.path)
        _ = try other.recordEncounter(NewEncounter(patientId: id, at: Date(timeIntervalSince1970: 1_790_000_000),
                                                   mode: .phone, planned: false, staffId: "karin.berg",
                                                   unitId: AppFixture.vc, reason: "Telefonrådgivning"), as: Self.colleague)
        f.app.handleAndSettle(.tick)
        #expect(f.app.state.patient?.encounters.count == 1)
    }

    @Test func thePatientsCounterMovesWithTheRecordOnlyAndIsReadWithoutALogRow() throws {
        let f = try AppFixture()
        defer { f.remove() }
        let id = try #require(try f.store.searchPatients("öberg", limit: 1, as: testNurse).first?.id)
        let scope = ChangeScope(patient: id, unit: AppFixture.vc)
        let before = try f.store.changeStamp(scope)
        let logBefore = try f.store.logRows(patient: nil, limit: 1000).count
        _ = try f.store.openRecord(id, as: testNurse)
        #expect(try f.store.changeStamp(scope) == before)
        #expect(try f.store.logRows(patient: nil, limit: 1000).count == logBefore + 1)
        _ = try f.store.addProblem(id, code: "I10", text: "Hypertoni", chronic: true, since: nil, as: testNurse)
        #expect(try f.store.changeStamp(scope).patient == before.patient + 1)
    }

    /// The statements this session runs on its writing connection (where the record is
    /// read) while another session commits and a tick follows.
    private func tickAfter(_ f: AppFixture, _ commit: () throws -> Void) throws -> [String] {
        try f.store.recordingStatements {
            try commit()
            f.app.handleAndSettle(.tick)
        }.statements
    }

    private func searchResults(_ f: AppFixture) -> [String] {
        ((f.app.state.stack.first as? SearchScreen)?.state.results ?? []).compactMap(\.name)
    }

    @Test func aCommitAboutAnotherUnitsPatientMakesTheSessionReadNothing() throws {
        let f = try AppFixture()
        defer { f.remove() }
        let other = try SQLiteStore.open(at: f.store.path)
        try other.addUnit(CareUnit(id: Self.norr, name: "Vårdcentralen Norr", principal: .region, kind: .primaryCare))
        try other.addStaff(Staff(id: "per.norr", name: "Per Norr", profession: .nurse, unitId: Self.norr, roles: [.nurse]))
        let norrNurse = AccessContext(staffId: "per.norr", unitId: Self.norr, sessionId: "norr")
        func register(_ pnr: String, _ given: String, at unit: UnitID, as who: AccessContext) throws -> Patient {
            try other.registerPatient(NewPatient(identifier: try PersonIdentifier.parse(pnr, today: AppFixture.day),
                                                 givenName: given, familyName: "Öberg"),
                                      listedAt: unit, on: AppFixture.day, as: who)
        }
        f.type("öberg")
        f.press(.enter)
        let id = try #require(f.app.state.patient?.patient.id)
        f.app.handleAndSettle(.tick)
        #expect(searchResults(f).count == 1)

        // A patient of another unit, found by the same search, and a change to it.
        let readElsewhere = try tickAfter(f) {
            let elsewhere = try register("19700101-0011", "Åke", at: Self.norr, as: norrNurse)
            _ = try other.addProblem(elsewhere.id, code: "J45", text: "Astma", chronic: true, since: nil, as: norrNurse)
        }
        #expect(readElsewhere.isEmpty)
        #expect(searchResults(f).count == 1)

        // A change to the open record: the record is read again, once.
        let readRecord = try tickAfter(f) {
            _ = try other.addProblem(id, code: "I10", text: "Hypertoni", chronic: true, since: nil, as: Self.colleague)
        }
        #expect(readRecord.contains { $0.contains("FROM problem WHERE patient_id") })
        #expect(f.app.state.patient?.problems.count == 1)
        #expect(try tickAfter(f) {}.isEmpty)

        // A patient come to the user's unit: the screens read again, the record does not.
        let readUnit = try tickAfter(f) { _ = try register("19800202-0025", "Britt", at: AppFixture.vc, as: Self.colleague) }
        #expect(!readUnit.contains { $0.contains("FROM problem WHERE patient_id") })
        #expect(searchResults(f).count == 3)
        #expect(searchResults(f).contains { $0.contains("Britt") })
    }
}
