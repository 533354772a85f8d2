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
        let clock = StepClock(AppFixture.noon)
        let f = try AppFixture(clock: clock)
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

        // A patient come to the user's unit, past the unit's interval since the screens
        // last read: the screens read again, the record does not.
        clock.advance(seconds: App.unitRefreshInterval)
        let readUnit = try tickAfter(f) { _ = try register("19800202-0025", "Britt", at: AppFixture.vc, as: Self.colleague) }
        #expect(!readUnit.contains { $0.contains("FROM problem WHERE patient_id") })
        #expect(searchResults(f).count == 3)
        #expect(searchResults(f).contains { $0.contains("Britt") })
    }

    /// Others' commits to the unit make the screens read again at once, then at most once
    /// in `App.unitRefreshInterval`: one held back is read on the first tick after it.
    /// A move of the open record is read at once whatever the interval.
    @Test func theUnitsMovesAreReadAtMostOncePerInterval() throws {
        let clock = StepClock(AppFixture.noon)
        let f = try AppFixture(clock: clock)
        defer { f.remove() }
        let other = try SQLiteStore.open(at: f.store.path)
        var added = 0
        func register() throws {
            added += 1
            _ = try other.registerPatient(
                NewPatient(identifier: try PersonIdentifier.parse("19800202-00\(["25", "33", "41", "58"][added - 1])",
                                                                  today: AppFixture.day),
                           givenName: "Öbergs\(added)", familyName: "Öberg"),
                listedAt: AppFixture.vc, on: AppFixture.day, as: Self.colleague)
        }
        f.type("öberg")
        f.app.handleAndSettle(.tick)
        #expect(searchResults(f).count == 1)

        try register()
        f.app.handleAndSettle(.tick)
        #expect(searchResults(f).count == 2, "the first move after a quiet spell is read at once")

        clock.advance(seconds: 3)
        try register()
        f.app.handleAndSettle(.tick)
        #expect(searchResults(f).count == 2, "3 s after the last read: held back")
        clock.advance(seconds: 3)
        f.app.handleAndSettle(.tick)
        #expect(searchResults(f).count == 2)
        clock.advance(seconds: App.unitRefreshInterval - 6)
        f.app.handleAndSettle(.tick)
        #expect(searchResults(f).count == 3, "the interval over, the held move is read on a tick")

        // The open record's moves are read at once, however soon after the last.
        f.press(.enter)
        let id = try #require(f.app.state.patient?.patient.id)
        f.app.handleAndSettle(.tick)
        clock.advance(seconds: 1)
        _ = try other.addProblem(id, code: "I10", text: "Hypertoni", chronic: true, since: nil, as: Self.colleague)
        f.app.handleAndSettle(.tick)
        #expect(f.app.state.patient?.problems.count == 1)
    }
}
