import GRDB
import NaraDomain
import NaraPostgresStore
import PostgresNIO
import Testing
@testable import NaraStore

/// The change counters as both stores keep them: a write about a patient moves the
/// patient's counter and those of the units that show the patient, and no others, the
/// same on SQLite and PostgreSQL. The rows are written with plain SQL, the same in both,
/// as the PostgreSQL store has no patient writes of its own yet.
@Suite struct ChangeCounterConformanceTests {
    static let vc: UnitID = "SE2321000164-vc01"
    static let kard: UnitID = "SE2321000164-kard"
    static let home: UnitID = "SE2321000164-hsv1"

    static let a = TestPatient(identifier: "19450303-4565", given: "Åsa", family: "Öberg", listedAt: vc)
    static let b = TestPatient(identifier: "19380524-9244", given: "Anna", family: "Oberg", listedAt: kard)

    /// Three units with a member of staff each, and two patients: `a` listed at the
    /// vårdcentral, `b` at the cardiology clinic.
    func clinic(_ backend: StoreBackend) throws -> (BackendStore, a: Int64, b: Int64) {
        let s = try BackendStore(backend)
        try s.store.addUnit(CareUnit(id: Self.vc, name: "Vårdcentralen Ekbacken", principal: .region, kind: .primaryCare))
        try s.store.addUnit(CareUnit(id: Self.kard, name: "Kardiologmottagningen", principal: .region, kind: .specialist))
        try s.store.addUnit(CareUnit(id: Self.home, name: "Hemsjukvården", principal: .region, kind: .homeCare))
        try s.store.addStaff(Staff(id: "karin.berg", name: "Karin Berg", profession: .districtNurse, unitId: Self.vc,
                                   roles: [.nurse]))
        try s.store.addStaff(Staff(id: "erik.sjoberg", name: "Erik Sjöberg", profession: .physician, unitId: Self.kard,
                                   roles: [.physician]))
        try s.store.addStaff(Staff(id: "lena.ek", name: "Lena Ek", profession: .districtNurse, unitId: Self.home,
                                   roles: [.nurse]))
        let ids = try s.insert([Self.a, Self.b])
        return (s, ids[0].rawValue, ids[1].rawValue)
    }

    static func patient(_ id: Int64) -> String { "patient/\(id)" }
    static func unit(_ id: UnitID) -> String { "unit/\(id.rawValue)" }

    @Test(arguments: StoreBackend.available)
    func aPatientsOwnRowsMoveThePatientAndTheListingUnitOnly(_ backend: StoreBackend) throws {
        let (s, a, _) = try clinic(backend)
        defer { s.remove() }
        let expected: Set = [Self.patient(a), Self.unit(Self.vc)]
        for sql in [
            "UPDATE patient SET phone = '070-1234567' WHERE id = \(a)",
            "INSERT INTO problem(patient_id, code, text, chronic) VALUES (\(a), 'I10', 'Hypertoni', TRUE)",
            "UPDATE problem SET text = 'Hypertoni, essentiell' WHERE patient_id = \(a)",
            "DELETE FROM problem WHERE patient_id = \(a)",
            """
            INSERT INTO observation(patient_id, kind, value, at, unit_id) VALUES (\(a), 'body_weight', 71.5, 1, '\(Self.vc)')
            """,
            "INSERT INTO patient_identifier(patient_id, system, value) VALUES (\(a), 'urn:test', 'x1')",
            "DELETE FROM patient_identifier WHERE patient_id = \(a)",
            """
            INSERT INTO consent(patient_id, grantee_provider_id, from_date, recorded_by, recorded_at)
            VALUES (\(a), 'SE2321000164', '2026-11-01', 'karin.berg', 1)
            """,
        ] {
            #expect(try s.moved(sql) == expected, "\(backend): \(sql)")
        }
    }

    /// A referral shows the patient at its sender and receiver while it is open, and the
    /// units it leaves learn of it.
    @Test(arguments: StoreBackend.available)
    func aReferralMovesBothUnitsWhileOpen(_ backend: StoreBackend) throws {
        let (s, a, _) = try clinic(backend)
        defer { s.remove() }
        let both: Set = [Self.patient(a), Self.unit(Self.vc), Self.unit(Self.kard)]
        #expect(try s.moved("""
            INSERT INTO referral(patient_id, from_unit_id, to_unit_id, priority, question, guarantee, state,
                                 created_at, created_by, updated_at, updated_by)
            VALUES (\(a), '\(Self.vc)', '\(Self.kard)', 'routine', 'Förmaksflimmer?', 'assessment', 'sent',
                    1, 'karin.berg', 1, 'karin.berg')
            """) == both)
        let problem = "INSERT INTO problem(patient_id, code, text, chronic) VALUES (\(a), 'I48', 'Flimmer', TRUE)"
        #expect(try s.moved(problem) == both)
        #expect(try s.moved("UPDATE referral SET state = 'cancelled' WHERE patient_id = \(a)") == both)
        // Closed, it no longer shows the patient at the receiver.
        #expect(try s.moved(problem) == [Self.patient(a), Self.unit(Self.vc)])
    }

    @Test(arguments: StoreBackend.available)
    func tasksRequestsAndContactsMoveTheUnitsTheyName(_ backend: StoreBackend) throws {
        let (s, a, b) = try clinic(backend)
        defer { s.remove() }
        // A task to a person moves that person's unit, and the writer's.
        #expect(try s.moved("""
            INSERT INTO patient_task(patient_id, unit_id, created_by, created_at, text, to_staff_id, priority)
            VALUES (\(a), '\(Self.vc)', 'karin.berg', 1, 'Såromläggning', 'lena.ek', 'normal')
            """) == [Self.patient(a), Self.unit(Self.vc), Self.unit(Self.home)])
        #expect(try s.moved("UPDATE patient_task SET done_at = 2, done_by = 'lena.ek' WHERE patient_id = \(a)")
            == [Self.patient(a), Self.unit(Self.vc), Self.unit(Self.home)])
        #expect(try s.moved("""
            INSERT INTO care_request(patient_id, unit_id, channel, problem, reason, registered_at, registered_on,
                                     registered_by)
            VALUES (\(b), '\(Self.home)', 'phone', 'new', 'Yrsel', 1, '2026-11-23', 'lena.ek')
            """) == [Self.patient(b), Self.unit(Self.kard), Self.unit(Self.home)])
        #expect(try s.moved("""
            INSERT INTO care_contact(patient_id, role, staff_id, unit_id, reason, from_date)
            VALUES (\(a), 'care_contact', 'erik.sjoberg', '\(Self.kard)', 'Samordning', '2026-11-01')
            """) == [Self.patient(a), Self.unit(Self.vc), Self.unit(Self.kard)])
        // A listing moved tells the unit it leaves and the one it comes to.
        #expect(try s.moved("UPDATE listing SET unit_id = '\(Self.home)' WHERE patient_id = \(b)")
            == [Self.patient(b), Self.unit(Self.kard), Self.unit(Self.home)])
    }

    /// A draft is one user's unsaved input; the directory moves the unit it is about.
    @Test(arguments: StoreBackend.available)
    func draftsMoveNothingAndTheDirectoryItsUnit(_ backend: StoreBackend) throws {
        let (s, a, _) = try clinic(backend)
        defer { s.remove() }
        #expect(try s.moved("""
            INSERT INTO form_draft(staff_id, patient_id, screen, form, fields, focus, saved_at_ms)
            VALUES ('karin.berg', \(a), 'record', 'problem', '{}', 0, 1)
            """).isEmpty)
        #expect(try s.moved {
            try s.store.addStaff(Staff(id: "ny.kardiolog", name: "Ny Kardiolog", profession: .physician,
                                       unitId: Self.kard, roles: [.physician]))
        } == [Self.unit(Self.kard)])
        #expect(try s.moved { try s.store.setStaffActive("karin.berg", active: false) } == [Self.unit(Self.vc)])
    }

    /// The stamp a session polls moves with its patient and its unit, not with another's.
    @Test(arguments: StoreBackend.available)
    func theStampMovesWithTheScopeOnly(_ backend: StoreBackend) throws {
        let (s, a, b) = try clinic(backend)
        defer { s.remove() }
        let scope = ChangeScope(patient: PatientID(rawValue: a), unit: Self.home)
        let before = try s.store.changeStamp(scope)
        #expect(before.patient > 0)
        try s.execute("INSERT INTO problem(patient_id, code, text, chronic) VALUES (\(b), 'J45', 'Astma', TRUE)")
        #expect(try s.store.changeStamp(scope) == before)
        try s.execute("INSERT INTO problem(patient_id, code, text, chronic) VALUES (\(a), 'I10', 'Hypertoni', TRUE)")
        #expect(try s.store.changeStamp(scope) == ChangeStamp(patient: before.patient + 1, unit: before.unit))
        let nobody = ChangeScope(patient: PatientID(rawValue: 999_999), unit: "SE0000000000-none")
        #expect(try s.store.changeStamp(nobody) == ChangeStamp())
        #expect(try s.store.changeStamp(ChangeScope(unit: Self.kard)).patient == 0)
    }
}

extension BackendStore {
    /// One statement, in the schema's tables as they are named in both stores.
    func execute(_ sql: String) throws {
        switch (store as? SQLiteStore, store as? PostgresStore) {
        case (let sqlite?, _):
            try sqlite.write { db in try db.execute(sql: sql) }
        case (_, let postgres?):
            try postgres.client.transaction { session in
                try session.query("SET LOCAL search_path = nara, pg_catalog")
                try session.query(PostgresQuery(unsafeSQL: sql))
            }
        default:
            fatalError("a store of an unknown kind")
        }
    }

    /// Every counter there is, read past the store's doors.
    func counters() throws -> [String: Int64] {
        switch (store as? SQLiteStore, store as? PostgresStore) {
        case (let sqlite?, _):
            return try sqlite.read { db in
                Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT scope, version FROM change_counter")
                    .map { ($0["scope"] as String, $0["version"] as Int64) })
            }
        case (_, let postgres?):
            return Dictionary(uniqueKeysWithValues: try postgres.client
                .query("SELECT scope, version FROM nara.change_counter").map { try $0.decode((String, Int64).self) })
        default:
            fatalError("a store of an unknown kind")
        }
    }

    /// The scopes whose counters moved while `body` ran.
    func moved(_ body: () throws -> Void) throws -> Set<String> {
        let before = try counters()
        try body()
        let after = try counters()
        return Set(after.keys.filter { after[$0] != before[$0] })
    }

    func moved(_ sql: String) throws -> Set<String> { try moved { try execute(sql) } }
}
