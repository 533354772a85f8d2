import Foundation
import GRDB
@testable import NaraDomain
import NaraLogChain
import NaraPostgresTesting
import Synchronization
import Testing
@testable import NaraPostgresStore
@testable import NaraStore

/// The ward's notices on PostgreSQL against the SQLite store they were copied from: the
/// same requests, in the same order, give the same results or the same refusals, and
/// leave the same log rows (the same ids and hashes) and the same discharges.
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct DischargeNoticeConformanceTests {
    /// The vårdcentral's people (`ConsentAndBlockConformanceTests.Cast`), two hospital
    /// wards and a physician of the first.
    struct Cast {
        var base: ConsentAndBlockConformanceTests.Cast
        var ward: UnitID, otherWard: UnitID, wardStaff: AccessContext

        init(_ store: SQLiteStore) throws {
            base = try ConsentAndBlockConformanceTests.Cast(store)
            let (wards, staff) = try store.read { db in
                (try String.fetchAll(db, sql: "SELECT id FROM care_unit WHERE kind = 'hospital' ORDER BY id LIMIT 2"),
                 try Row.fetchOne(db, sql: """
                    SELECT s.id, s.unit_id FROM staff s JOIN care_unit u ON u.id = s.unit_id
                     WHERE u.kind = 'hospital' AND s.active = 1 AND s.roles = 'physician' ORDER BY u.id, s.id LIMIT 1
                    """))
            }
            try #require(wards.count == 2)
            ward = UnitID(rawValue: wards[0])
            otherWard = UnitID(rawValue: wards[1])
            let row = try #require(staff)
            wardStaff = AccessContext(staffId: StaffID(rawValue: row["id"]), unitId: UnitID(rawValue: row["unit_id"]),
                                      clientAddress: "10.0.0.9", sessionId: "dn")
        }
    }

    typealias Request = (name: String, run: (any DischargeNoticeStore) throws -> Any)

    /// Every method, each way it succeeds, and each refusal the rules have, for users of
    /// the vårdcentral, the ward, another provider, a departed user and no user at all.
    static func requests(_ c: Cast) -> [Request] {
        let today = RecordConformanceTests.today, p = c.base.patient, vc = c.base.owner
        let none = PatientID(rawValue: 9_999_999), nowhere: UnitID = "SE2321000164-finns-ej"
        var emergency = c.base.outsider
        emergency.emergencyReason = "Akut försämring, patienten medvetslös"
        func day(_ offset: Int) -> LocalDate { today.adding(days: offset) }
        func admit(_ ward: UnitID, _ offset: Int = -4, expected: Int? = 3, patient: PatientID? = nil,
                   as context: AccessContext) -> (any DischargeNoticeStore) throws -> Any {
            { try $0.recordAdmissionNotice(patient ?? p, ward: ward, admittedOn: day(offset),
                                           expectedDischargeOn: expected.map(day), as: context) }
        }
        func ready(_ offset: Int, at ward: UnitID? = nil, as context: AccessContext) -> (any DischargeNoticeStore) throws -> Any {
            { try $0.recordReadyForDischarge(p, ward: ward ?? c.ward, readyOn: day(offset), as: context) }
        }
        func discharge(_ offset: Int, at ward: UnitID? = nil,
                       as context: AccessContext) -> (any DischargeNoticeStore) throws -> Any {
            { try $0.recordDischargeOfNotice(p, ward: ward ?? c.ward, dischargedOn: day(offset), as: context) }
        }
        func notices(_ context: AccessContext, of patient: PatientID? = nil) -> (any DischargeNoticeStore) throws -> Any {
            { try $0.dischargeNotices(of: patient ?? p, as: context) }
        }
        return [
            ("no notices yet", notices(vc)),
            ("admission in the future", admit(c.ward, 1, expected: nil, as: vc)),
            ("discharge expected before admission", admit(c.ward, -2, expected: -3, as: vc)),
            ("admission at no unit", admit(nowhere, as: vc)),
            ("admission at a vårdcentral", admit(c.base.unit, as: vc)),
            ("ready without a stay", ready(-1, as: vc)),
            ("discharge without a stay", discharge(0, as: vc)),
            ("admission by the ward", admit(c.ward, as: c.wardStaff)),
            ("admission without relationship", admit(c.ward, as: c.base.outsider)),
            ("admission in an emergency", admit(c.otherWard, -1, expected: nil, as: emergency)),
            ("admission by the departed", admit(c.ward, as: c.base.departed)),
            ("admission by no one", admit(c.ward, as: c.base.stranger)),
            ("admission by a secretary", admit(c.ward, as: c.base.secretary)),
            ("admission for no patient", admit(c.ward, patient: none, as: vc)),
            ("admission", admit(c.ward, as: vc)),
            ("admission twice", admit(c.ward, -3, expected: nil, as: vc)),
            ("admission at another ward", admit(c.otherWard, -1, expected: nil, as: vc)),
            ("ready in the future", ready(1, as: vc)),
            ("ready before admission", ready(-5, as: vc)),
            ("ready at a vårdcentral", ready(-1, at: c.base.unit, as: vc)),
            ("ready by the ward", ready(-1, as: c.wardStaff)),
            ("ready by no one", ready(-1, as: c.base.stranger)),
            ("ready", ready(-1, as: vc)),
            ("ready again", ready(0, as: vc)),
            ("discharge before admission", discharge(-5, as: vc)),
            ("discharge in the future", discharge(2, as: vc)),
            ("discharge by the departed", discharge(0, as: c.base.departed)),
            ("discharge", discharge(0, as: vc)),
            ("discharge again", discharge(0, as: vc)),
            ("ready after the discharge", ready(0, as: vc)),
            ("admission after the discharge", admit(c.ward, 0, expected: nil, as: vc)),
            ("notices", notices(vc)),
            ("notices by the ward", notices(c.wardStaff)),
            ("notices without relationship", notices(c.base.outsider)),
            ("notices in an emergency", notices(emergency)),
            ("notices by a secretary", notices(c.base.secretary)),
            ("notices by the departed", notices(c.base.departed)),
            ("notices by no one", notices(c.base.stranger)),
            ("notices of no patient", notices(vc, of: none)),
        ]
    }

    @Test func everyRequestGivesTheSameResultOrRefusalAndTheSameLogRows() throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 20)
        defer { try? FileManager.default.removeItem(at: folder) }
        let head = try #require(try pg.accessLogHead()?.rowId)
        let cast = try Cast(sqlite)
        let (done, refusals) = ConsentAndBlockConformanceTests.compare(
            Self.requests(cast), sqlite as any DischargeNoticeStore, pg as any DischargeNoticeStore)
        let sqliteRows = try RecordConformanceTests.sqliteLogRows(sqlite, after: head)
        #expect(try pg.accessLogRows(after: head, limit: 10_000) == sqliteRows)
        #expect(sqliteRows.count == done, "every request done logs one row")
        #expect(try Self.discharges(pg, cast.base.patient) == Self.discharges(sqlite, cast.base.patient))
        #expect(try Self.discharges(sqlite, cast.base.patient).contains(
            "\(cast.ward.rawValue) \(RecordConformanceTests.today.adding(days: -4).iso) \(RecordConformanceTests.today.iso)"))
        guard case .intact = try pg.verifyAccessLog() else {
            Issue.record("the log on PostgreSQL does not verify")
            return
        }
        for kind in ["not_found", "unknown_staff", "inactive_user", "no_relationship", "emergency_required", "duplicate",
                     "discharge before admission", "the admission day is in the future",
                     "the ready day is before the admission", "is not a hospital ward", "-25 is in the future"] {
            #expect(refusals.contains { $0.contains(kind) }, "no refusal \(kind): \(refusals.sorted())")
        }
    }

    /// A patient's discharges, one line each ("unit admitted discharged"), in order.
    static func discharges(_ store: SQLiteStore, _ patient: PatientID) throws -> [String] {
        try store.read { db in
            try String.fetchAll(db, sql: """
                SELECT unit_id || ' ' || admitted_on || ' ' || discharged_on FROM discharge WHERE patient_id = ? ORDER BY id
                """, arguments: [patient.rawValue])
        }
    }

    static func discharges(_ pg: PostgresStore, _ patient: PatientID) throws -> [String] {
        try PG.admin(pg, """
            SELECT unit_id || ' ' || admitted_on || ' ' || discharged_on FROM nara.discharge
             WHERE patient_id = \(patient.rawValue) ORDER BY id
            """).map { try $0.decode(String.self) }
    }
}

/// The notices on PostgreSQL: what a call costs, and that writers to one stay follow
/// one another.
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct DischargeNoticeOnPostgresTests {
    /// Five statements a notice, four a notice refused on what was read, none one refused
    /// on the request alone; two a read, one a read refused.
    @Test func aNoticeIsFiveStatementsAndARefusalFourOrNone() throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 20)
        defer { try? FileManager.default.removeItem(at: folder) }
        let c = try DischargeNoticeConformanceTests.Cast(sqlite)
        let p = c.base.patient, vc = c.base.owner, today = RecordConformanceTests.today
        func sent(_ body: () throws -> Void) rethrows -> Int {
            let before = pg.client.statementsSent
            try body()
            return pg.client.statementsSent - before
        }
        #expect(try sent { _ = try pg.recordAdmissionNotice(p, ward: c.ward, admittedOn: today.adding(days: -2),
                                                            expectedDischargeOn: nil, as: vc) } == 5)
        #expect(try sent { _ = try pg.recordReadyForDischarge(p, ward: c.ward, readyOn: today, as: vc) } == 5)
        #expect(try sent { _ = try pg.recordDischargeOfNotice(p, ward: c.ward, dischargedOn: today, as: vc) } == 5)
        #expect(try sent { _ = try pg.dischargeNotices(of: p, as: vc) } == 2)
        let head = try pg.accessLogHead()
        #expect(sent { #expect(throws: DischargeNoticeRules.noOpenNotice(c.ward)) {
            try pg.recordReadyForDischarge(p, ward: c.ward, readyOn: today, as: vc)
        } } == 4)
        #expect(sent { #expect(throws: StoreError.invalid("the admission day is in the future")) {
            try pg.recordAdmissionNotice(p, ward: c.ward, admittedOn: today.adding(days: 1), expectedDischargeOn: nil,
                                         as: vc)
        } } == 0)
        #expect(sent { #expect(throws: StoreError.self) { try pg.dischargeNotices(of: p, as: c.base.stranger) } } == 1)
        #expect(try pg.accessLogHead()?.hash == head?.hash)
    }

    /// Eight sessions, each its own connection, record the admission at one ward for one
    /// patient at once: one opens the stay, the others find it open.
    @Test func oneAdmissionOfManyAtOnce() throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 20)
        defer { try? FileManager.default.removeItem(at: folder) }
        let c = try DischargeNoticeConformanceTests.Cast(sqlite)
        let head = try #require(try pg.accessLogHead()?.rowId)
        let errors = Errors(), admitted = Mutex(0)
        let location = pg.client.location
        PG.onThreads(8) { _ in
            do {
                let store = try PostgresStore.open(location: location, clock: RecordConformanceTests.clock)
                _ = try store.recordAdmissionNotice(c.base.patient, ward: c.ward, admittedOn: RecordConformanceTests.today,
                                                    expectedDischargeOn: nil, as: c.base.owner)
                admitted.withLock { $0 += 1 }
            } catch let error as StoreError where error == DischargeNoticeRules.duplicateOpen(c.ward) {
                return
            } catch {
                errors.add(error)
            }
        }
        #expect(errors.all.isEmpty, "\(errors.all)")
        #expect(admitted.withLock { $0 } == 1)
        let open = try PG.admin(pg, """
            SELECT count(*) FROM nara.discharge_notice
             WHERE patient_id = \(c.base.patient.rawValue) AND ward_unit_id = '\(c.ward.rawValue)' AND discharged_on IS NULL
            """)[0].decode(Int64.self)
        #expect(open == 1)
        #expect(try pg.accessLogHead()?.rowId == head + 1)
        guard case .intact = try pg.verifyAccessLog() else {
            Issue.record("the log on PostgreSQL does not verify")
            return
        }
    }
}
