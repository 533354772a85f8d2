import Foundation
import GRDB
@testable import NaraDomain
import NaraLogChain
import NaraPostgresTesting
import Synchronization
import Testing
@testable import NaraPostgresStore
@testable import NaraStore

/// The patient's own record writes on PostgreSQL: a registered patient is found as a
/// copied one is, what each call costs, and many sessions writing at once.
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct PatientWriteOnPostgresTests {
    typealias Cast = PatientWriteConformanceTests.Cast

    static func stores() throws -> (SQLiteStore, PostgresStore, URL, Cast) {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 20)
        return (sqlite, pg, folder, try Cast(sqlite, pg))
    }

    /// Name search reads the name words, identifier search the patient row: a patient
    /// registered on PostgreSQL is found by both, as on SQLite; a protected identity only
    /// by its whole identifier.
    @Test func aRegisteredPatientIsFoundByNameAndIdentifier() throws {
        let (sqlite, pg, folder, c) = try Self.stores()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ident = try Cast.identifier(11), hidden = try Cast.identifier(12)
        #expect(try pg.patientID(for: ident) == nil)
        var registered: [PatientID] = []
        for store in [sqlite as any PatientWriteCalls, pg as any PatientWriteCalls] {
            let patient = try store.registerPatient(NewPatient(identifier: ident, givenName: "Märtha Ylvali",
                                                               familyName: "Åkerbloom"),
                                                    listedAt: c.base.unit, on: RecordConformanceTests.today,
                                                    as: c.base.owner)
            _ = try store.registerPatient(NewPatient(identifier: hidden, givenName: "Märtha", familyName: "Åkerbloom",
                                                     protectedIdentity: true),
                                          listedAt: nil, on: RecordConformanceTests.today, as: c.base.owner)
            registered.append(patient.id)
        }
        #expect(registered[0] == registered[1])
        let id = registered[1]
        #expect(try pg.patientID(for: ident) == id)
        let words = try PG.admin(pg, """
            SELECT word FROM nara.patient_name_word WHERE patient_id = \(id.rawValue) ORDER BY word
            """).map { try $0.decode(String.self) }
        #expect(words == Set(SearchFolding.words("Märtha Ylvali Åkerbloom")).sorted())
        for query in ["åkerbloom märth", "ylvali", "Åkerbloo", ident.value, String(ident.value.suffix(10)),
                      ident.display, hidden.value] {
            let onPG = try pg.searchPatients(query, limit: 20, as: c.base.owner)
            let onSQLite = try sqlite.searchPatients(query, limit: 20, as: c.base.owner)
            #expect(onPG.map(\.id) == onSQLite.map(\.id), "\(query)")
            let expected = query == hidden.value ? try pg.patientID(for: hidden) : id
            #expect(onPG.map(\.id) == [try #require(expected)], "\(query): \(onPG)")
        }
        #expect(try pg.searchPatients("Åkerbloom", limit: 20, as: c.base.owner).map(\.id) == [id])
    }

    /// Five statements a change through the door and four one refused on what was read;
    /// four a registration and three one refused on what was read; none a request refused
    /// on its own; one an event. Refusals write no log row.
    @Test func aChangeIsFiveStatementsARegistrationFour() throws {
        let (_, pg, folder, c) = try Self.stores()
        defer { try? FileManager.default.removeItem(at: folder) }
        let p = c.base.patient, vc = c.base.owner, today = RecordConformanceTests.today
        func sent(_ body: () throws -> Void) rethrows -> Int {
            let before = pg.client.statementsSent
            try body()
            return pg.client.statementsSent - before
        }
        let ident = try Cast.identifier(21)
        let new = NewPatient(identifier: ident, givenName: "Greta", familyName: "Ek")
        #expect(try sent { _ = try pg.registerPatient(new, listedAt: c.base.unit, on: today, as: vc) } == 4)
        #expect(try sent {
            _ = try pg.addProblem(p, code: "J45", text: "Astma", chronic: true, since: nil, as: vc)
        } == 5)
        #expect(try sent {
            _ = try pg.recordEncounter(NewEncounter(patientId: p, at: RecordConformanceTests.clock.now, mode: .phone,
                                                    planned: false, staffId: vc.staffId, unitId: vc.unitId,
                                                    reason: "Telefonrådgivning"), as: vc)
        } == 5)
        #expect(try sent { _ = try pg.recordDischarge(p, unit: c.ward, admittedOn: today, dischargedOn: today,
                                                      as: vc) } == 5)
        #expect(try sent { try pg.setNextOfKin(p, [NextOfKin(name: "Anna", relation: "dotter")], as: vc) } == 5)
        #expect(try sent { try pg.setInterpreter(p, InterpreterNeed(language: "fi"), as: vc) } == 5)
        #expect(try sent { try pg.correctDeath(p, deceased: false, on: nil, reason: "Rättat efter kontroll",
                                               as: vc) } == 5)
        #expect(try sent { try pg.setResidentialCare(p, true, as: vc) } == 5)
        #expect(try sent { _ = try pg.recordCheckDone(p, item: .spirometry, on: today, as: vc) } == 5)
        #expect(try sent { try pg.logEvent("remote command ignored", action: .read, as: vc) } == 1)
        #expect(try sent { try pg.setListing(p, unit: c.otherClinic, from: today, as: vc) } == 5)
        #expect(try sent { try pg.setListing(p, unit: c.otherClinic, from: today, as: vc) } == 5)
        let head = try pg.accessLogHead()
        #expect(sent { #expect(throws: PatientWriteRules.duplicate(ident)) {
            try pg.registerPatient(new, listedAt: nil, on: today, as: vc)
        } } == 3)
        #expect(sent { #expect(throws: StoreError.refused(.listingOnlyAtPrimaryCare)) {
            try pg.setListing(p, unit: c.ward, from: today, as: c.otherClinician)
        } } == 4)
        #expect(sent { #expect(throws: StoreError.refused(.deathBeforeBirth)) {
            try pg.correctDeath(p, deceased: true, on: LocalDate(year: 1800, month: 1, day: 1)!,
                                reason: "Rättat efter kontroll", as: c.otherClinician)
        } } == 4)
        #expect(sent { #expect(throws: StoreError.self) {
            try pg.addProblem(p, code: "J45", text: "Astma", chronic: true, since: nil, as: c.base.outsider)
        } } == 4)
        #expect(sent { #expect(throws: StoreError.refused(.required(.givenName))) {
            try pg.registerPatient(NewPatient(identifier: ident, givenName: " ", familyName: "Ek"), listedAt: nil,
                                   on: today, as: vc)
        } } == 0)
        #expect(sent { #expect(throws: StoreError.refused(.dischargeBeforeAdmission)) {
            try pg.recordDischarge(p, unit: c.ward, admittedOn: today, dischargedOn: today.adding(days: -1), as: vc)
        } } == 0)
        #expect(try pg.accessLogHead()?.hash == head?.hash)
    }

    /// A session that registers an identifier another has just inserted, not yet
    /// committed, passes the read and waits at the unique index: once the other commits,
    /// it is refused with the same error as one that read the patient, in four statements.
    @Test func aRegistrationRacingAnotherIsRefusedAsADuplicate() throws {
        let (_, pg, folder, c) = try Self.stores()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ident = try Cast.identifier(31)
        let head = try #require(try pg.accessLogHead()?.rowId)
        let location = pg.client.location
        let inserted = DispatchSemaphore(value: 0)
        let errors = Errors(), refused = Mutex<StoreError?>(nil), sent = Mutex(0)
        PG.onThreads(2) { i in
            do {
                let store = try PostgresStore.open(location: location, clock: RecordConformanceTests.clock)
                if i == 0 {
                    try store.client.withConnection { session in
                        try session.query("BEGIN")
                        try session.query("""
                            INSERT INTO nara.patient(ident, ident_short, ident_kind, given_name, family_name,
                                                     search_name, sex)
                            VALUES (\(ident.value), \(String(ident.value.suffix(10))), 'personnummer', 'Först',
                                    'Där', 'forst dar', 'female')
                            """)
                        inserted.signal()
                        var waited = 0
                        while try pg.client.query("""
                            SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'
                               AND datname = current_database()
                            """)[0].decode(Int64.self) == 0 {
                            guard waited < 200 else { throw StoreError.other("the other registration never waited") }
                            waited += 1
                            Thread.sleep(forTimeInterval: 0.05)
                        }
                        try session.query("COMMIT")
                    }
                } else {
                    inserted.wait()
                    let before = store.client.statementsSent
                    do {
                        let new = NewPatient(identifier: ident, givenName: "Sen", familyName: "Där")
                        _ = try store.registerPatient(new, listedAt: c.base.unit, on: RecordConformanceTests.today,
                                                      as: c.base.owner)
                    } catch let error as StoreError {
                        refused.withLock { $0 = error }
                    }
                    sent.withLock { $0 = store.client.statementsSent - before }
                }
            } catch {
                errors.add(error)
            }
        }
        #expect(errors.all.isEmpty, "\(errors.all)")
        #expect(refused.withLock { $0 } == PatientWriteRules.duplicate(ident))
        #expect(sent.withLock { $0 } == 4, "BEGIN, the read, the refused insert, ROLLBACK")
        #expect(try PG.admin(pg, "SELECT count(*) FROM nara.patient WHERE ident = '\(ident.value)'")[0]
            .decode(Int64.self) == 1)
        #expect(try pg.accessLogHead()?.rowId == head)
    }

    /// Eight sessions, each its own connection, register one identifier at once: one
    /// registers the patient, the others are refused as duplicates, and one log row is in.
    @Test func oneRegistrationOfManyAtOnce() throws {
        let (_, pg, folder, c) = try Self.stores()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ident = try Cast.identifier(41)
        let head = try #require(try pg.accessLogHead()?.rowId)
        let errors = Errors(), registered = Mutex(0)
        let location = pg.client.location
        PG.onThreads(8) { i in
            do {
                let store = try PostgresStore.open(location: location, clock: RecordConformanceTests.clock)
                _ = try store.registerPatient(NewPatient(identifier: ident, givenName: "Greta \(i)", familyName: "Ek"),
                                              listedAt: c.base.unit, on: RecordConformanceTests.today, as: c.base.owner)
                registered.withLock { $0 += 1 }
            } catch let error as StoreError where error == PatientWriteRules.duplicate(ident) {
                return
            } catch {
                errors.add(error)
            }
        }
        #expect(errors.all.isEmpty, "\(errors.all)")
        #expect(registered.withLock { $0 } == 1)
        #expect(try PG.admin(pg, "SELECT count(*) FROM nara.patient WHERE ident = '\(ident.value)'")[0]
            .decode(Int64.self) == 1)
        #expect(try pg.accessLogHead()?.rowId == head + 1)
        guard case .intact = try pg.verifyAccessLog() else {
            Issue.record("the log on PostgreSQL does not verify")
            return
        }
    }

    /// Eight sessions list one patient at once, by turns at the owner's unit and at the
    /// other vårdcentral: the patient's lock makes them follow one another, so every one
    /// succeeds and exactly one listing is left open. Without it two would end the same
    /// listing and both open one, which the one-open-listing index refuses.
    @Test func manyListingsAtOnceLeaveOneOpen() throws {
        let (_, pg, folder, c) = try Self.stores()
        defer { try? FileManager.default.removeItem(at: folder) }
        let p = c.base.patient
        let head = try #require(try pg.accessLogHead()?.rowId)
        let errors = Errors()
        let location = pg.client.location
        PG.onThreads(8) { i in
            do {
                let store = try PostgresStore.open(location: location, clock: RecordConformanceTests.clock)
                let (unit, context) = i % 2 == 0 ? (c.base.unit, c.base.owner) : (c.otherClinic, c.otherClinician)
                try store.setListing(p, unit: unit, from: RecordConformanceTests.today, as: context)
            } catch {
                errors.add(error)
            }
        }
        #expect(errors.all.isEmpty, "\(errors.all)")
        #expect(try PG.admin(pg, """
            SELECT count(*) FROM nara.listing WHERE patient_id = \(p.rawValue) AND to_date IS NULL
            """)[0].decode(Int64.self) == 1)
        #expect(try pg.accessLogHead()?.rowId == head + 8)
        guard case .intact = try pg.verifyAccessLog() else {
            Issue.record("the log on PostgreSQL does not verify")
            return
        }
    }
}
