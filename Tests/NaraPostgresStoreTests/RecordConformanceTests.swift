import Foundation
import GRDB
@testable import NaraDomain
import NaraLogChain
import NaraPostgresTesting
import Testing
@testable import NaraPostgresStore
@testable import NaraStore

/// `openRecord` on PostgreSQL against the SQLite store it was copied from: for each
/// patient and each user, the same record or the same refusal, and the same log row
/// (so the same chain: the same ids and hashes).
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct RecordConformanceTests {
    static let today = LocalDate(year: 2026, month: 11, day: 23)!
    static let clock = FixedClock(day: today)

    /// A demo store with blocks, an opening and a consent added, copied into PostgreSQL.
    /// Both stores keep the same clock, so their log rows can be compared whole.
    static func stores(patients: Int = 40) throws -> (SQLiteStore, PostgresStore, URL) {
        let folder = try StoreCopyTests.folder()
        let path = folder.appendingPathComponent("demo.sqlite").path
        _ = try DemoGenerator.build(at: path, options: DemoOptions(patients: patients, seed: 7, today: today),
                                    force: false)
        let sqlite = try SQLiteStore.open(at: path, clock: clock)
        try addAccessRecords(sqlite)
        let pg = try PostgresStore.open(location: try PG.database(), clock: clock)
        #expect(try StoreCopy.run(from: sqlite, to: pg).matches)
        return (sqlite, pg, folder)
    }

    /// Blocks of both scopes (one opened for a user), and a consent for the private
    /// provider, on patients listed at region clinics; and a log row, so there is a head.
    static func addAccessRecords(_ store: SQLiteStore) throws {
        let nowSeconds = Int64(clock.now.timeIntervalSince1970)
        let nowMs = nowSeconds * 1000
        try store.write { db in
            let listed = try Row.fetchAll(db, sql: """
                SELECT l.patient_id, l.unit_id FROM listing l WHERE l.to_date IS NULL
                   AND l.unit_id LIKE 'SE2321000164-%' ORDER BY l.patient_id LIMIT 4
                """)
            try #require(listed.count == 4)
            let (p0, u0): (Int64, String) = (listed[0]["patient_id"], listed[0]["unit_id"])
            let p1: Int64 = listed[1]["patient_id"], p2: Int64 = listed[2]["patient_id"]
            try db.execute(sql: """
                INSERT INTO information_block(patient_id, unit_id, from_date, reason, created_by, created_at)
                VALUES (?, ?, '2026-01-02', 'Patientens önskan', 'test', ?)
                """, arguments: [p0, u0, nowSeconds])
            try db.execute(sql: """
                INSERT INTO information_block(patient_id, provider_id, from_date, reason, created_by, created_at)
                VALUES (?, 'SE2321000164', '2026-01-02', 'Patientens önskan', 'test', ?)
                """, arguments: [p1, nowSeconds])
            let opened = try #require(try Row.fetchOne(db, sql: """
                SELECT b.id, s.id AS staff FROM information_block b
                  JOIN listing l ON l.patient_id = b.patient_id AND l.to_date IS NULL
                  JOIN staff s ON s.unit_id = l.unit_id AND s.active = 1
                 WHERE b.patient_id = ? ORDER BY s.id LIMIT 1
                """, arguments: [p1]))
            try db.execute(sql: """
                INSERT INTO block_opening(block_id, for_staff, from_ms, until_ms, basis, reason, created_by)
                VALUES (?, ?, ?, ?, 'consent', 'Patienten samtycker', 'test')
                """, arguments: [opened["id"] as Int64, opened["staff"] as String, nowMs - 3_600_000, nowMs + 86_400_000])
            // A named contact at another unit than the listing one: home care's nurse.
            try db.execute(sql: """
                INSERT INTO care_contact(patient_id, role, staff_id, unit_id, reason, from_date)
                SELECT ?, 'care_contact', s.id, s.unit_id, 'Hemsjukvård', '2026-01-02' FROM staff s
                 WHERE s.unit_id LIKE 'SE2120001843-hs%' AND s.active = 1 ORDER BY s.id LIMIT 1
                """, arguments: [listed[3]["patient_id"] as Int64])
            try #require(db.changesCount == 1)
            try db.execute(sql: """
                INSERT INTO consent(patient_id, grantee_provider_id, source_provider_id, from_date, recorded_by,
                                    recorded_at)
                VALUES (?, 'SE5568123456', NULL, '2026-01-02', 'test', ?)
                """, arguments: [p2, nowSeconds])
        }
        let user = try #require(store.demoUser)
        try store.logEvent("record conformance", action: .export,
                           as: AccessContext(staffId: user, unitId: try #require(try store.staff(user)).unitId,
                                             sessionId: "conf"))
    }

    /// Patients whose records hold each kind of part, the blocked and consented ones, and
    /// an id no patient has.
    static func patients(_ store: SQLiteStore) throws -> [PatientID] {
        let ids = try store.read { db in
            try Int64.fetchAll(db, sql: """
                SELECT DISTINCT id FROM (
                    SELECT * FROM (SELECT patient_id AS id FROM referral ORDER BY id LIMIT 2)
                    UNION ALL SELECT * FROM (SELECT patient_id FROM coordinated_plan ORDER BY id LIMIT 2)
                    UNION ALL SELECT * FROM (SELECT patient_id FROM discharge_notice ORDER BY id LIMIT 1)
                    UNION ALL SELECT * FROM (SELECT patient_id FROM observation ORDER BY id LIMIT 1)
                    UNION ALL SELECT * FROM (SELECT patient_id FROM discharge ORDER BY id LIMIT 1)
                    UNION ALL SELECT * FROM (SELECT patient_id FROM care_contact WHERE to_date IS NULL
                                             ORDER BY id DESC LIMIT 2)
                    UNION ALL SELECT * FROM (SELECT patient_id FROM information_block)
                    UNION ALL SELECT * FROM (SELECT patient_id FROM consent WHERE source_provider_id IS NULL
                                             AND grantee_provider_id = 'SE5568123456')
                    UNION ALL SELECT * FROM (SELECT id FROM patient WHERE protected = 1 LIMIT 1)
                    UNION ALL SELECT * FROM (SELECT id FROM patient ORDER BY id LIMIT 10))
                ORDER BY id
                """)
        }
        return ids.map(PatientID.init(rawValue:)) + [PatientID(rawValue: 9_999_999)]
    }

    /// For each patient: someone at the listing unit, the named contact, someone at a unit
    /// a referral went to; then someone of the private provider with and without an
    /// emergency reason, one without emergency access, a departed user and a login no one has.
    static func contexts(_ store: SQLiteStore, patients: [PatientID]) throws -> [AccessContext] {
        let list = patients.map { String($0.rawValue) }.joined(separator: ",")
        let staff = try store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT DISTINCT staff, unit FROM (
                    SELECT (SELECT s.id FROM staff s WHERE s.unit_id = l.unit_id AND s.active = 1 AND s.roles = 'physician'
                            ORDER BY s.id LIMIT 1) AS staff, l.unit_id AS unit
                      FROM listing l WHERE l.patient_id IN (\(list)) AND l.to_date IS NULL
                    UNION ALL SELECT c.staff_id, s.unit_id FROM care_contact c JOIN staff s ON s.id = c.staff_id
                     WHERE c.patient_id IN (\(list)) AND c.to_date IS NULL AND s.active = 1
                    UNION ALL SELECT (SELECT s.id FROM staff s WHERE s.unit_id = r.to_unit_id AND s.active = 1
                                      ORDER BY s.id LIMIT 1), r.to_unit_id
                      FROM referral r WHERE r.patient_id IN (\(list)) AND r.state IN ('received', 'accepted', 'booked')
                    UNION ALL SELECT * FROM (SELECT id, unit_id FROM staff WHERE unit_id LIKE 'SE5568123456-%'
                                             AND roles = 'physician' AND active = 1 ORDER BY id LIMIT 1)
                    UNION ALL SELECT * FROM (SELECT id, unit_id FROM staff WHERE roles = 'secretary' AND active = 1
                                             ORDER BY id LIMIT 1)
                    UNION ALL SELECT * FROM (SELECT id, unit_id FROM staff WHERE active = 0 ORDER BY id LIMIT 1))
                WHERE staff IS NOT NULL ORDER BY staff, unit
                """)
        }
        var contexts = staff.map { AccessContext(staffId: StaffID(rawValue: $0["staff"]), unitId: UnitID(rawValue: $0["unit"]),
                                                 clientAddress: "10.0.0.7", sessionId: "conf") }
        if let outsider = contexts.first(where: { $0.unitId.rawValue.hasPrefix("SE5568123456-") }) {
            var emergency = outsider
            emergency.emergencyReason = "Akut försämring, patienten medvetslös"
            contexts.append(emergency)
        }
        contexts.append(AccessContext(staffId: "ingen.alls", unitId: contexts[0].unitId, sessionId: "conf"))
        return contexts
    }

    static func open(_ store: any PatientRecordReading, _ id: PatientID, _ context: AccessContext) -> Outcome<PatientRecord> {
        Outcome { try store.openRecord(id, as: context) }
    }

    static func sqliteLogRows(_ store: SQLiteStore, after: Int64) throws -> [StoredAccessLogRow] {
        try store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(AccessLogChain.columns), prev_hash, hash FROM access_log WHERE id > ? ORDER BY id
                """, arguments: [after]).map {
                StoredAccessLogRow(content: AccessLogChain.content($0), prevHash: $0["prev_hash"], hash: $0["hash"])
            }
        }
    }

    @Test func everyUserGetsTheSameRecordOrRefusalAndTheSameLogRow() throws {
        let (sqlite, pg, folder) = try Self.stores()
        defer { try? FileManager.default.removeItem(at: folder) }
        let head = try #require(try pg.accessLogHead()?.rowId)
        let patients = try Self.patients(sqlite)
        let contexts = try Self.contexts(sqlite, patients: patients)
        var records = 0
        var refusals: Set<String> = []
        for context in contexts {
            for id in patients {
                let expected = Self.open(sqlite, id, context)
                let got = Self.open(pg, id, context)
                #expect(got == expected, "patient \(id.rawValue), user \(context.staffId) at \(context.unitId)")
                if case .value = expected { records += 1 }
                if let refusal = expected.refusal { refusals.insert(refusal) }
            }
        }
        #expect(patients.count >= 10 && contexts.count >= 8 && records >= 30,
                "\(patients.count) patients, \(contexts.count) users, \(records) records opened")
        let sqliteRows = try Self.sqliteLogRows(sqlite, after: head)
        let pgRows = try pg.accessLogRows(after: head, limit: 10_000)
        #expect(pgRows == sqliteRows)
        #expect(pgRows.count == records)
        guard case .intact(let rows, _) = try pg.verifyAccessLog() else {
            Issue.record("the log on PostgreSQL does not verify")
            return
        }
        #expect(rows == Int(head) + records)
        #expect(try pg.accessLogHead()?.hash == sqlite.accessLogHead()?.hash)

        // The cases asked for were met: each basis the policy gives, and each refusal.
        let bases = Set(sqliteRows.compactMap { $0.content.detail.split(separator: "[").last.map { String($0.dropLast()) } })
        for basis in ["listing", "named_contact", "referral", "emergency"] {
            #expect(bases.contains(basis), "no record opened by \(basis): \(bases.sorted())")
        }
        #expect(sqliteRows.contains { $0.content.emergency && $0.content.reason != nil })
        for refusal in ["not_found", "unknown_staff", "emergency_required", "inactive_user", "no_relationship"] {
            #expect(refusals.contains(refusal), "no refusal \(refusal): \(refusals.sorted())")
        }
    }
}

/// What opening a record costs on PostgreSQL, and what it does when the log refuses.
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct RecordOnPostgresTests {
    /// A patient the demo user may open (listed at the user's unit), on a fresh copy.
    static func opened() throws -> (SQLiteStore, PostgresStore, URL, PatientID, AccessContext) {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 20)
        let user = try #require(sqlite.demoUser)
        let unit = try #require(try sqlite.staff(user)).unitId
        let patient = try #require(try sqlite.read { db in
            try Int64.fetchOne(db, sql: """
                SELECT l.patient_id FROM listing l JOIN patient p ON p.id = l.patient_id
                 WHERE l.unit_id = ? AND l.to_date IS NULL AND EXISTS (SELECT 1 FROM encounter e WHERE e.patient_id = p.id)
                 ORDER BY l.patient_id LIMIT 1
                """, arguments: [unit.rawValue])
        })
        return (sqlite, pg, folder, PatientID(rawValue: patient), AccessContext(staffId: user, unitId: unit, sessionId: "b"))
    }

    /// Three round trips for a record whatever it holds (the parts, the directory, the
    /// log row); one for a refusal, which logs nothing.
    @Test func openingIsThreeStatementsAndARefusalOne() throws {
        let (_, pg, folder, patient, context) = try Self.opened()
        defer { try? FileManager.default.removeItem(at: folder) }
        var before = pg.client.statementsSent
        let record = try pg.openRecord(patient, as: context)
        #expect(!record.encounters.isEmpty && !record.staff.isEmpty)
        #expect(pg.client.statementsSent - before == 3)

        let rows = try pg.accessLogHead()?.rowId
        before = pg.client.statementsSent
        #expect(throws: StoreError.notFound("patient 9999999")) {
            try pg.openRecord(PatientID(rawValue: 9_999_999), as: context)
        }
        var stranger = context
        stranger.staffId = "ingen.alls"
        #expect(throws: StoreError.unknownStaff("ingen.alls")) { try pg.openRecord(patient, as: stranger) }
        #expect(pg.client.statementsSent - before == 2)
        #expect(try pg.accessLogHead()?.rowId == rows)
    }

    /// The log row goes in before the record comes out: when the append fails, the
    /// caller gets the error and no record, and the log is as it was.
    @Test func aFailedLogAppendReturnsNoRecord() throws {
        let (_, pg, folder, patient, context) = try Self.opened()
        defer { try? FileManager.default.removeItem(at: folder) }
        let head = try pg.accessLogHead()
        try PG.admin(pg, "ALTER FUNCTION nara.append_access_log(jsonb) RENAME TO append_access_log_gone")
        #expect(throws: (any Error).self) { try pg.openRecord(patient, as: context) }
        #expect(try pg.accessLogHead()?.hash == head?.hash)
        try PG.admin(pg, "ALTER FUNCTION nara.append_access_log_gone(jsonb) RENAME TO append_access_log")
        _ = try pg.openRecord(patient, as: context)
        #expect(try pg.accessLogHead()?.rowId == head.map { $0.rowId + 1 })
    }
}

/// The translation of the SQLite parts and the JSON rows, without a server.
@Suite struct RecordSQLTests {
    @Test func everyPartNamesTheSchemaAndBindsByPosition() {
        let sql = PostgresRecordSQL.read
        #expect(sql.firstMatch(of: /[^:]:[a-z]/) == nil, "a named argument is left")
        #expect(sql.firstMatch(of: /\b(FROM|JOIN)\s+(?!nara\.|\()[a-z_]+/) == nil, "a table without its schema")
        #expect(!sql.contains("rowid"))
        #expect(sql.components(separatedBy: "UNION ALL").count == RecordQuery.read.count)
    }

    @Test func jsonValuesBecomeTheValuesSQLiteGives() throws {
        let rows = try JSONRows.decode("""
            [{"id": 9007199254740993, "value": 7.25, "whole": 7, "flag": true, "off": false, "day": "2026-11-23",
              "none": null, "text": "Åsa \\"Öberg\\""}]
            """)
        let row = try #require(rows.first)
        #expect(row["id"] as Int64 == 9_007_199_254_740_993)
        #expect(row["value"] as Double == 7.25)
        #expect(row["whole"] as Double == 7)
        #expect(row["flag"] as Bool == true && row["off"] as Bool == false)
        #expect(row["flag"] as Int64 == 1)
        #expect(row["day"] as String == "2026-11-23")
        #expect(row["none"] as String? == nil)
        #expect(row["text"] as String == "Åsa \"Öberg\"")
        #expect(try JSONRows.decode(nil).isEmpty)
        #expect(try JSONRows.decode(" [ ] ").isEmpty)
    }

    /// Every escape JSON has, as PostgreSQL writes them, and a clear error for what
    /// `json_agg` of flat rows never gives.
    @Test func jsonEscapesAndMalformedRows() throws {
        let row = try #require(try JSONRows.decode(#"""
            [{"a": "rad 1\nrad 2\t\"x\" \\ \/ \b\f\r", "b": "\u00e5\u00C4 \ud83d\ude00", "c": -12, "d": -1.5e3},
             {}]
            """#).first)
        #expect(row["a"] as String == "rad 1\nrad 2\t\"x\" \\ / \u{8}\u{C}\r")
        #expect(row["b"] as String == "åÄ 😀")
        #expect(row["c"] as Int64 == -12 && row["d"] as Double == -1500)
        for bad in ["[{\"a\": [1]}]", "[{\"a\": {}}]", "[{\"a\": 1", "{\"a\": 1}", "[{\"a\": \"\\ud83d\"}]",
                    "[{\"a\": tru}]", "[{\"a\": 1}] x", "[{\"a\" 1}]"] {
            #expect(throws: JSONRows.Malformed.self, "\(bad)") { try JSONRows.decode(bad) }
        }
    }
}
