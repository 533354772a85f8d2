import Foundation
import GRDB
@testable import NaraDomain
import NaraLogChain
import NaraPostgresTesting
import Testing
@testable import NaraPostgresStore
@testable import NaraStore

/// The writes of the patient's own record: the calls of `PatientRecordStore`, which both stores are.
typealias PatientWriteCalls = PatientRecordStore

/// The patient's own record writes on PostgreSQL against the SQLite store they were
/// copied from: the same requests, in the same order, give the same results or the same
/// refusals, leave the same log rows (the same ids and hashes) and the same rows.
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct PatientWriteConformanceTests {
    /// The vårdcentral's people (`ConsentAndBlockConformanceTests.Cast`), a hospital ward,
    /// another vårdcentral of the region with a physician of its own (added to both stores
    /// alike), and identifiers no one has.
    struct Cast {
        var base: ConsentAndBlockConformanceTests.Cast
        var ward: UnitID, otherClinic: UnitID, otherClinician: AccessContext

        init(_ sqlite: SQLiteStore, _ pg: PostgresStore) throws {
            base = try ConsentAndBlockConformanceTests.Cast(sqlite)
            let ward = try sqlite.read { db in
                try String.fetchOne(db, sql: "SELECT id FROM care_unit WHERE kind = 'hospital' ORDER BY id LIMIT 1")
            }
            self.ward = UnitID(rawValue: try #require(ward))
            otherClinic = "SE2321000164-vcpw01"
            let clinic = CareUnit(id: otherClinic, name: "Vårdcentralen Väster", principal: .region,
                                  kind: .primaryCare)
            let physician = Staff(id: "pw.lakare", name: "Pia Westin", profession: .physician, unitId: otherClinic,
                                  roles: [.physician])
            for store in [sqlite as any DirectoryStore, pg as any DirectoryStore] {
                try store.addUnit(clinic)
                try store.addStaff(physician)
            }
            otherClinician = AccessContext(staffId: physician.id, unitId: otherClinic, clientAddress: "10.0.0.9",
                                           sessionId: "pw")
        }

        /// A personnummer born 1912-01-01 with `serial` (0–999), which the demo never gives.
        static func identifier(_ serial: Int) throws -> PersonIdentifier {
            let digits = String(format: "%03d", serial)
            let check = Luhn.checkDigit(Array("120101" + digits).compactMap(\.wholeNumberValue))
            return try PersonIdentifier.parse("19120101-\(digits)\(check)", today: RecordConformanceTests.today)
        }
    }

    typealias Request = (name: String, run: (any PatientWriteCalls) throws -> Any)

    /// Every method, each way it succeeds, and each refusal the rules have. `existing` is
    /// the identifier of the patient written to.
    static func requests(_ c: Cast, existing: PersonIdentifier) throws -> [Request] {
        let today = RecordConformanceTests.today, now = RecordConformanceTests.clock.now
        let p = c.base.patient, vc = c.base.owner, unit = c.base.unit
        let none = PatientID(rawValue: 9_999_999), nowhere: UnitID = "SE2321000164-finns-ej"
        var emergency = c.base.outsider
        emergency.emergencyReason = "Akut försämring, patienten medvetslös"
        let first = try Cast.identifier(1), second = try Cast.identifier(2), third = try Cast.identifier(3)
        let home = Address(street: " Storgatan 1 ", postalCode: "702 10", city: "Örebro")
        func register(_ ident: PersonIdentifier, given: String = "Greta", family: String = "Ekström",
                      at listed: UnitID? = nil, protected: Bool = false, address: Address? = nil,
                      as context: AccessContext) -> (any PatientWriteCalls) throws -> Any {
            { try $0.registerPatient(NewPatient(identifier: ident, givenName: given, familyName: family,
                                                address: address, phone: address == nil ? nil : "019-12 34 56",
                                                protectedIdentity: protected),
                                     listedAt: listed, on: today.adding(days: -1), as: context) }
        }
        func list(_ at: UnitID, _ patient: PatientID? = nil, day: LocalDate? = nil,
                  as context: AccessContext) -> (any PatientWriteCalls) throws -> Any {
            { try $0.setListing(patient ?? p, unit: at, from: day ?? today, as: context) }
        }
        func problem(_ code: String = "E11", text: String = "Diabetes typ 2", patient: PatientID? = nil,
                     as context: AccessContext) -> (any PatientWriteCalls) throws -> Any {
            { try $0.addProblem(patient ?? p, code: code, text: text, chronic: true, since: today.adding(days: -30),
                                as: context) }
        }
        func encounter(_ reason: String = "Kontroll av blodtryck", by staff: StaffID? = nil,
                       at: Date? = nil, unit visited: UnitID? = nil, patient: PatientID? = nil,
                       as context: AccessContext) -> (any PatientWriteCalls) throws -> Any {
            { try $0.recordEncounter(NewEncounter(patientId: patient ?? p, at: at ?? now.addingTimeInterval(-1800.5),
                                                  mode: .visit, planned: true, staffId: staff ?? context.staffId,
                                                  unitId: visited ?? context.unitId, reason: reason), as: context) }
        }
        func discharge(_ at: UnitID, admitted: Int = -6, discharged: Int = -2,
                       as context: AccessContext) -> (any PatientWriteCalls) throws -> Any {
            { try $0.recordDischarge(p, unit: at, admittedOn: today.adding(days: admitted),
                                     dischargedOn: today.adding(days: discharged), as: context) }
        }
        func kin(_ people: [NextOfKin], patient: PatientID? = nil,
                 as context: AccessContext) -> (any PatientWriteCalls) throws -> Any {
            { try $0.setNextOfKin(patient ?? p, people, as: context) }
        }
        func death(_ deceased: Bool, on day: LocalDate?, reason: String = "Felaktigt registrerad av Skatteverket",
                   as context: AccessContext) -> (any PatientWriteCalls) throws -> Any {
            { try $0.correctDeath(p, deceased: deceased, on: day, reason: reason, as: context) }
        }
        func check(_ item: CheckItem, on day: LocalDate? = nil,
                   as context: AccessContext) -> (any PatientWriteCalls) throws -> Any {
            { try $0.recordCheckDone(p, item: item, on: day ?? today, as: context) }
        }
        let daughter = NextOfKin(name: " Anna Ekström ", relation: "dotter", phone: " ")
        return [
            ("register by no one", register(first, at: unit, as: c.base.stranger)),
            ("register by the departed", register(first, at: unit, as: c.base.departed)),
            ("register without the right", register(first, at: unit, as: c.base.noRight)),
            ("register without a name", register(first, given: " \u{7} ", as: vc)),
            ("register a long name", register(first, family: String(repeating: "a", count: 201), as: vc)),
            ("register a long postal code", register(first, address: Address(street: "", postalCode: "12345678901",
                                                                              city: ""), as: vc)),
            ("register at a ward", register(first, at: c.ward, as: vc)),
            ("register at no unit", register(first, at: nowhere, as: vc)),
            ("register", register(first, at: unit, address: home, as: vc)),
            ("register again", register(first, given: "Gun", at: c.otherClinic, as: c.base.secretary)),
            ("register the patient again", register(existing, as: vc)),
            ("register unlisted and protected", register(second, given: "Skyddad", protected: true, as: vc)),
            ("register by a secretary", register(third, given: "Åsa", family: "Öberg-Lund", at: unit,
                                                 as: c.base.secretary)),
            ("list at own unit, listed there", list(unit, as: vc)),
            ("list at own unit by no one", list(unit, as: c.base.stranger)),
            ("list at own unit by the departed", list(c.base.departed.unitId, as: c.base.departed)),
            ("list at own unit without the right", list(c.base.noRight.unitId, as: c.base.noRight)),
            ("list no patient at own unit", list(unit, none, as: vc)),
            ("list no patient elsewhere", list(c.otherClinic, none, as: vc)),
            ("list elsewhere without relationship", list(c.otherClinic, as: c.base.outsider)),
            ("list elsewhere by a secretary", list(c.otherClinic, as: c.base.secretary)),
            ("list at a ward", list(c.ward, as: vc)),
            ("list at no unit", list(nowhere, as: vc)),
            ("list before the current listing", list(c.otherClinic, day: LocalDate(year: 1901, month: 1, day: 1)!,
                                                     as: vc)),
            ("list elsewhere", list(c.otherClinic, as: vc)),
            ("list back at own unit", list(unit, day: today.adding(days: 1), as: vc)),
            ("list at the other clinic by its physician", list(c.otherClinic, day: today.adding(days: 2),
                                                               as: c.otherClinician)),
            ("list in an emergency", list(unit, day: today.adding(days: 3), as: emergency)),
            ("list back by the owner", list(unit, day: today.adding(days: 3), as: vc)),
            ("problem not ICD-10", problem(" x1 ", as: vc)),
            ("problem without text", problem(text: "  ", as: vc)),
            ("problem", problem(" e11.9 ", as: vc)),
            ("problem by a secretary", problem(as: c.base.secretary)),
            ("problem without relationship", problem(as: c.base.outsider)),
            ("problem in an emergency", problem("I10", text: "Hypertoni", as: emergency)),
            ("problem by the departed", problem(as: c.base.departed)),
            ("problem by no one", problem(as: c.base.stranger)),
            ("problem of no patient", problem(patient: none, as: vc)),
            ("encounter saying nothing", encounter("..", as: vc)),
            ("encounter in the future", encounter(at: now.addingTimeInterval(7200), as: vc)),
            ("encounter at another unit", encounter(unit: c.otherClinic, as: vc)),
            ("encounter", encounter(as: vc)),
            ("encounter for a colleague", encounter(by: c.base.colleague, as: vc)),
            ("encounter for no one", encounter(by: "ingen.alls", as: vc)),
            ("encounter for the departed", encounter(by: c.base.departedId, as: vc)),
            ("encounter for the other clinic's physician", encounter(by: c.otherClinician.staffId, as: vc)),
            ("encounter without relationship", encounter(as: c.base.outsider)),
            ("encounter by a secretary", encounter(by: vc.staffId, as: c.base.secretary)),
            ("encounter of no patient", encounter(patient: none, as: vc)),
            ("discharge before admission", discharge(c.ward, admitted: -2, discharged: -3, as: vc)),
            ("discharge from no unit", discharge(nowhere, as: vc)),
            ("discharge", discharge(c.ward, as: vc)),
            ("discharge without relationship", discharge(c.ward, as: c.base.outsider)),
            ("discharge by no one", discharge(c.ward, as: c.base.stranger)),
            ("an event", { try $0.logEvent("remote command ignored", action: .read, as: vc) }),
            ("an event by no one", { try $0.logEvent("report without identities", action: .export,
                                                     as: c.base.stranger) }),
            ("too many next of kin", kin(Array(repeating: daughter, count: NextOfKin.limit + 1), as: vc)),
            ("next of kin without a name", kin([NextOfKin(name: " ", relation: "make")], as: vc)),
            ("next of kin", kin([daughter, NextOfKin(name: "Per Ek", relation: "god man", phone: "070-1234567")],
                                as: vc)),
            ("next of kin by a secretary", kin([daughter], as: c.base.secretary)),
            ("next of kin without relationship", kin([daughter], as: c.base.outsider)),
            ("next of kin of no patient", kin([daughter], patient: none, as: vc)),
            ("no next of kin", kin([], as: vc)),
            ("interpreter", { try $0.setInterpreter(p, InterpreterNeed(language: "AR"), as: vc) }),
            ("interpreter by the departed", { try $0.setInterpreter(p, nil, as: c.base.departed) }),
            ("no interpreter", { try $0.setInterpreter(p, nil, as: c.base.secretary) }),
            ("death saying nothing", death(true, on: today, reason: "x", as: vc)),
            ("death in the future", death(true, on: today.adding(days: 1), as: vc)),
            ("death before birth", death(true, on: LocalDate(year: 1800, month: 1, day: 1)!, as: vc)),
            ("death without relationship", death(true, on: today, as: c.base.outsider)),
            ("death", death(true, on: today.adding(days: -3), as: vc)),
            ("death, day unknown", death(true, on: nil, as: vc)),
            ("death undone", death(false, on: today, as: vc)),
            ("residential care", { try $0.setResidentialCare(p, true, as: vc) }),
            ("residential care by no one", { try $0.setResidentialCare(p, false, as: c.base.stranger) }),
            ("residential care no more", { try $0.setResidentialCare(p, false, as: c.base.secretary) }),
            ("check a measurement", check(.hba1c, as: vc)),
            ("check in the future", check(.eyeScreening, on: today.adding(days: 1), as: vc)),
            ("check", check(.footExamination, on: today.adding(days: -1), as: vc)),
            ("check by a secretary", check(.spirometry, as: c.base.secretary)),
            ("check in an emergency", check(.eyeScreening, as: emergency)),
        ]
    }

    @Test func everyRequestGivesTheSameResultOrRefusalAndTheSameLogRowsAndRows() throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 20)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cast = try Cast(sqlite, pg)
        try Self.addNamedPhysician(sqlite, pg, cast.base)
        let head = try #require(try pg.accessLogHead()?.rowId)
        let before = try #require(try sqlite.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM patient") })
        let existing = try PersonIdentifier.parse(try #require(try sqlite.read { db in
            try String.fetchOne(db, sql: "SELECT ident FROM patient WHERE id = ?",
                                arguments: [cast.base.patient.rawValue])
        }), today: RecordConformanceTests.today)
        let (done, refusals) = ConsentAndBlockConformanceTests.compare(
            try Self.requests(cast, existing: existing), sqlite as any PatientWriteCalls, pg as any PatientWriteCalls)
        let sqliteRows = try RecordConformanceTests.sqliteLogRows(sqlite, after: head)
        #expect(try pg.accessLogRows(after: head, limit: 10_000) == sqliteRows)
        #expect(sqliteRows.count == done, "every request done logs one row")
        for sql in Self.rows(cast.base.patient, after: before) {
            let onSQLite = try sqlite.read { db in
                try String.fetchAll(db, sql: sql.replacingOccurrences(of: "nara.", with: ""))
            }
            #expect(try PG.admin(pg, sql).map { try $0.decode(String.self) } == onSQLite, "\(sql)")
            #expect(!onSQLite.isEmpty, "\(sql)")
        }
        guard case .intact = try pg.verifyAccessLog() else {
            Issue.record("the log on PostgreSQL does not verify")
            return
        }
        for kind in ["not_found", "unknown_staff", "inactive_user", "not_for_role", "duplicate", "required",
                     "too_long", "can only be listed at a vårdcentral", "cannot start before the current one",
                     "is not an ICD-10 code", "a reason says something", "cannot be registered in the future",
                     "registered at your own unit", "is not a clinician at your unit", "discharge before admission",
                     "at most 10 next of kin", "a death cannot be recorded in the future",
                     "a death cannot be recorded before the birth", "is a measurement",
                     "cannot be recorded in the future"] {
            #expect(refusals.contains { $0.contains(kind) }, "no refusal \(kind): \(refusals.sorted())")
        }
        #expect(refusals.contains { $0 == "emergency_required" || $0 == "no_relationship" }, "\(refusals.sorted())")
    }

    /// A named GP for the patient at the owner's unit, in both stores alike, for the
    /// listing elsewhere to end.
    static func addNamedPhysician(_ sqlite: SQLiteStore, _ pg: PostgresStore,
                                  _ c: ConsentAndBlockConformanceTests.Cast) throws {
        let next = try #require(try sqlite.read { db in
            try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) + 1 FROM care_contact")
        })
        let sql = """
            INSERT INTO nara.care_contact(id, patient_id, role, staff_id, unit_id, reason, from_date)
            SELECT \(next), \(c.patient.rawValue), 'named_physician', '\(c.owner.staffId.rawValue)',
                   '\(c.unit.rawValue)', 'Patientens val', '\(RecordConformanceTests.today.adding(days: -100).iso)'
             WHERE NOT EXISTS (SELECT 1 FROM nara.care_contact WHERE patient_id = \(c.patient.rawValue)
                                  AND unit_id = '\(c.unit.rawValue)' AND role = 'named_physician' AND to_date IS NULL)
            """
        try sqlite.write { db in try db.execute(sql: sql.replacingOccurrences(of: "nara.", with: "")) }
        try PG.admin(pg, sql)
    }

    /// What the writes leave, as lines of text that read alike from either store: the
    /// patients (the one written to and those registered after `after`), their listings,
    /// the patient's care contacts and checks done.
    static func rows(_ p: PatientID, after: Int64) -> [String] {
        let patients = "(id = \(p.rawValue) OR id > \(after))"
        return [
            """
            SELECT id || ' ' || ident || ' ' || ident_short || ' ' || ident_kind || ' ' || given_name || ' '
                   || family_name || ' [' || search_name || '] ' || sex || ' ' || coalesce(birth_date, '-') || ' '
                   || coalesce(street, '-') || ' ' || coalesce(postal_code, '-') || ' ' || coalesce(city, '-') || ' '
                   || coalesce(phone, '-') || ' ' || CASE WHEN protected THEN 1 ELSE 0 END || ' '
                   || CASE WHEN deceased THEN 1 ELSE 0 END || ' ' || coalesce(deceased_on, '-') || ' '
                   || coalesce(updated_at, 0) || ' ' || coalesce(updated_by, '-') || ' ' || coalesce(next_of_kin, '-')
                   || ' ' || coalesce(interpreter, '-') || ' ' || CASE WHEN residential_care THEN 1 ELSE 0 END
              FROM nara.patient WHERE \(patients) ORDER BY id
            """,
            """
            SELECT id || ' ' || patient_id || ' ' || unit_id || ' ' || from_date || ' ' || coalesce(to_date, '-')
              FROM nara.listing WHERE patient_id = \(p.rawValue) OR patient_id > \(after) ORDER BY id
            """,
            """
            SELECT id || ' ' || role || ' ' || unit_id || ' ' || from_date || ' ' || coalesce(to_date, '-') || ' '
                   || coalesce(ended_by_listing, '-') || ' ' || version || ' ' || updated_at || ' '
                   || coalesce(updated_by, '-')
              FROM nara.care_contact WHERE patient_id = \(p.rawValue) ORDER BY id
            """,
            """
            SELECT id || ' ' || item || ' ' || done_on || ' ' || unit_id || ' ' || coalesce(staff_id, '-')
              FROM nara.check_done WHERE patient_id = \(p.rawValue) ORDER BY id
            """,
        ]
    }
}
