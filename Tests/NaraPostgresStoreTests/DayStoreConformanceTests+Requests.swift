import Foundation
import GRDB
@testable import NaraDomain
import NaraLogChain
import NaraPostgresTesting
import Testing
@testable import NaraPostgresStore
@testable import NaraStore

/// Care requests, planned contacts, the news and the day seen, on PostgreSQL against the
/// SQLite store: the same requests, in the same order, give the same results or the same
/// refusals and leave the same log rows (the same ids and hashes).
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct DayStoreRequestConformanceTests {
    typealias Store = DayStore & DischargeNoticeStore
    typealias Request = (name: String, run: (any Store) throws -> Any)

    /// The notice cast, an assistant nurse (unlicensed) at the vårdcentral, a colleague
    /// there, another patient who has died and one without requests, written alike into
    /// both stores; the owner is named care contact of the patient.
    struct Cast {
        var notices: DischargeNoticeConformanceTests.Cast
        var base: ConsentAndBlockConformanceTests.Cast { notices.base }
        var assistant: AccessContext, colleague: AccessContext
        var dead: PatientID, other: PatientID

        init(_ sqlite: SQLiteStore, _ pg: PostgresStore) throws {
            notices = try DischargeNoticeConformanceTests.Cast(sqlite)
            let b = notices.base, unit = b.unit.rawValue, patient = b.patient.rawValue
            let others = try sqlite.read { db in
                try Int64.fetchAll(db, sql: "SELECT id FROM patient WHERE id <> ? ORDER BY id LIMIT 2",
                                   arguments: [patient])
            }
            try #require(others.count == 2)
            dead = PatientID(rawValue: others[0])
            other = PatientID(rawValue: others[1])
            let contactId = try #require(try sqlite.read { db in
                try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) + 1 FROM care_contact")
            })
            let staff = """
                INSERT INTO staff(id, name, profession, unit_id, roles, active)
                VALUES ('usk.dag', 'Ulla Dag', 'assistant_nurse', '\(unit)', 'assistant_nurse', %@)
                """
            let contact = """
                INSERT INTO care_contact(id, patient_id, role, staff_id, unit_id, reason, from_date)
                VALUES (\(contactId), \(patient), 'care_contact', '\(b.owner.staffId.rawValue)', '\(unit)', 'Fast vårdkontakt',
                        '\(RecordConformanceTests.today.adding(days: -30).iso)')
                """
            try sqlite.write { db in
                try db.execute(sql: staff.replacingOccurrences(of: "%@", with: "1"))
                try db.execute(sql: contact)
                try db.execute(sql: "UPDATE patient SET deceased = 1 WHERE id = \(others[0])")
            }
            func onPostgres(_ insert: String) -> String {
                insert.replacingOccurrences(of: "INSERT INTO ", with: "INSERT INTO nara.")
            }
            try PG.admin(pg, onPostgres(staff.replacingOccurrences(of: "%@", with: "true")))
            try PG.admin(pg, onPostgres(contact))
            try PG.admin(pg, "SELECT setval(pg_get_serial_sequence('nara.care_contact', 'id'), max(id)) FROM nara.care_contact")
            try PG.admin(pg, "UPDATE nara.patient SET deceased = true WHERE id = \(others[0])")
            assistant = AccessContext(staffId: "usk.dag", unitId: b.unit, clientAddress: "10.0.0.9", sessionId: "usk")
            colleague = AccessContext(staffId: b.colleague, unitId: b.unit, clientAddress: "10.0.0.9", sessionId: "col")
        }
    }

    /// The first request registered, the same id on both stores (each request runs on
    /// SQLite, then on PostgreSQL).
    final class First { var id: Int64 = 0 }

    /// Every call, each way it succeeds, and each refusal the rules have.
    static func requests(_ c: Cast) -> [Request] {
        let first = First()
        let b = c.base, p = b.patient, vc = b.owner
        let today = RecordConformanceTests.today, now = RecordConformanceTests.clock.now
        let none = PatientID(rawValue: 9_999_999), nowhere: UnitID = "SE2321000164-finns-ej"
        var emergency = b.outsider
        emergency.emergencyReason = "Akut försämring, patienten medvetslös"
        let slot = CallbackSlot(fromMinute: 8 * 60, toMinute: 9 * 60)
        func add(_ reason: String = "Hosta sedan tre veckor", patient: PatientID? = nil,
                 as context: AccessContext) -> (any Store) throws -> Any {
            { try $0.addCareRequest(patient ?? p, channel: .phone, problem: .new, reason: reason, callback: slot,
                                    as: context) }
        }
        func contact(_ id: Int64? = nil, at: Date? = nil, patient: PatientID? = nil,
                     as context: AccessContext) -> (any Store) throws -> Any {
            { try $0.recordCareRequestContact(patient ?? p, id: id, at: at, as: context) }
        }
        func assess(_ id: Int64? = nil, at: Date? = nil, patient: PatientID? = nil,
                    as context: AccessContext) -> (any Store) throws -> Any {
            { try $0.recordCareRequestAssessment(patient ?? p, id: id, at: at, as: context) }
        }
        func unanswered(_ id: Int64? = nil, patient: PatientID? = nil, as context: AccessContext)
            -> (any Store) throws -> Any {
            { try $0.recordUnansweredCallback(patient ?? p, id: id, as: context) }
        }
        func plan(_ offset: Int, note: String = "Ring om provsvar", patient: PatientID? = nil,
                  as context: AccessContext) -> (any Store) throws -> Any {
            { try $0.addPlannedContact(patient ?? p, on: today.adding(days: offset), note: note, as: context) }
        }
        func planned(_ context: AccessContext, from offset: Int = 0, limit: Int = 100) -> (any Store) throws -> Any {
            { try $0.plannedContacts(from: today.adding(days: offset), limit: limit, as: context) }
        }
        func news(_ context: AccessContext, limit: Int = 100) -> (any Store) throws -> Any {
            { try $0.patientNews(since: now.addingTimeInterval(-7 * 86_400), limit: limit, as: context) }
        }
        return [
            ("step before any request", contact(as: vc)),
            ("without reason", add(" \n ", as: vc)),
            ("for no patient", add(patient: none, as: vc)),
            ("at no unit", add(as: AccessContext(staffId: vc.staffId, unitId: nowhere, sessionId: "x"))),
            ("at a ward", add(as: c.notices.wardStaff)),
            ("for the dead", add(patient: c.dead, as: vc)),
            ("by no one", add(as: b.stranger)),
            ("by the departed", add(as: b.departed)),
            ("without the right", add(as: b.noRight)),
            ("by the secretary", add(as: b.secretary)),
            ("step without relationship", contact(as: b.outsider)),
            ("registered", { store in
                let request = try store.addCareRequest(p, channel: .phone, problem: .new, reason: "Ont i halsen",
                                                       callback: slot, as: vc)
                first.id = request.id
                return request }),
            ("registered again", add("Feber", as: c.assistant)),
            ("registered elsewhere", add("Yrsel", as: b.outsider)),
            ("registered in an emergency", add("Andnöd", patient: c.other, as: emergency)),
            ("contact in the future", contact(at: now.addingTimeInterval(7200), as: vc)),
            ("contact before registration", contact(at: now.addingTimeInterval(-7200), as: vc)),
            ("no answer", unanswered(as: vc)),
            ("no answer again", unanswered(as: c.assistant)),
            ("contact", contact(as: vc)),
            ("contact by id, taken", { store in
                let id = try store.openCareRequests(callbacks: false, limit: 100, as: vc).first!.request.id
                return try store.recordCareRequestContact(p, id: id, at: nil, as: vc) }),
            ("contact of no request", contact(9_999_999, as: vc)),
            ("contact of another patient's", { store in
                let id = try store.openCareRequests(callbacks: false, limit: 100, as: vc).first!.request.id
                return try store.recordCareRequestContact(c.other, id: id, at: nil, as: emergency) }),
            ("contact at another unit", { store in
                let id = try store.openCareRequests(callbacks: false, limit: 100, as: vc).last!.request.id
                return try store.recordCareRequestContact(p, id: id, at: nil, as: emergency) }),
            ("no answer once contacted", { store in
                let id = try store.openCareRequests(callbacks: false, limit: 100, as: vc).first!.request.id
                return try store.recordUnansweredCallback(p, id: id, as: vc) }),
            ("assessed by an assistant nurse", assess(as: c.assistant)),
            ("assessed in the future", assess(at: now.addingTimeInterval(4000), as: vc)),
            ("assessed", assess(at: now.addingTimeInterval(-60), as: vc)),
            ("assessed, not contacted before", assess(as: vc)),
            ("assessed, none left", assess(as: vc)),
            ("assessed by id, taken", { try $0.recordCareRequestAssessment(p, id: first.id, at: nil, as: vc) }),
            ("no open request of the patient", unanswered(patient: c.other, as: vc)),
            ("by no one", contact(as: b.stranger)),
            ("by the departed", assess(as: b.departed)),
            ("list at last", { try $0.openCareRequests(callbacks: false, limit: 100, as: vc) }),
            ("plan none", planned(vc)),
            ("plan yesterday", plan(-1, as: vc)),
            ("plan a long note", plan(2, note: String(repeating: "a", count: 501), as: vc)),
            ("plan", plan(3, as: vc)),
            ("plan today", plan(0, note: "  Kolla  ", as: vc)),
            ("plan of another", plan(1, patient: c.other, as: vc)),
            ("plan in an emergency", plan(1, as: emergency)),
            ("plan without relationship", plan(1, patient: c.other, as: b.outsider)),
            ("plan by no one", plan(1, as: b.stranger)),
            ("plan by the departed", plan(1, as: b.departed)),
            ("plan for no patient", plan(1, patient: none, as: vc)),
            ("planned", planned(vc)),
            ("planned again", planned(vc)),
            ("planned, one", planned(vc, limit: 1)),
            ("planned from later", planned(vc, from: 2)),
            ("planned by the emergency user", planned(b.outsider)),
            ("planned by the departed", planned(b.departed)),
            ("planned by no one", planned(b.stranger)),
            ("task for news", { try $0.addTask(p, text: "Ring", toStaff: b.colleague, toUnit: nil, due: nil,
                                               priority: .normal, as: vc) }),
            ("task done for news", { store in
                let id = try store.openTasks(limit: 100, as: c.colleague).first!.task.id
                return try store.completeTask(p, id: id, reply: "Ringt", as: c.colleague) }),
            ("admission for news", { try $0.recordAdmissionNotice(p, ward: c.notices.ward,
                                                                  admittedOn: today.adding(days: -2),
                                                                  expectedDischargeOn: nil, as: vc) }),
            ("ready for news", { try $0.recordReadyForDischarge(p, ward: c.notices.ward, readyOn: today, as: vc) }),
            ("news", news(vc)),
            ("news again", news(vc)),
            ("news, one", news(vc, limit: 1)),
            ("news of the colleague", news(c.colleague)),
            ("news by the departed", news(b.departed)),
            ("news by no one", news(b.stranger)),
            ("day seen first", { try $0.markDaySeen(as: vc) as Any }),
            ("day seen again", { try $0.markDaySeen(as: vc) as Any }),
            ("day seen by no one", { try $0.markDaySeen(as: b.stranger) as Any }),
        ]
    }

    @Test func everyRequestGivesTheSameResultOrRefusalAndTheSameLogRows() throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 20)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cast = try Cast(sqlite, pg)
        let head = try #require(try pg.accessLogHead()?.rowId)
        let (_, refusals) = ConsentAndBlockConformanceTests.compare(Self.requests(cast), sqlite as any Store,
                                                                    pg as any Store)
        let sqliteRows = try RecordConformanceTests.sqliteLogRows(sqlite, after: head)
        #expect(try pg.accessLogRows(after: head, limit: 10_000) == sqliteRows)
        for detail in ["registered", "no answer", "contacted", "assessed",
                       "planned contact", DayRules.plannedView, PatientNewsRules.view] {
            #expect(sqliteRows.contains { $0.content.detail.contains(detail) }, "no log row \(detail)")
        }
        #expect(try sqlite.patientNews(since: RecordConformanceTests.clock.now.addingTimeInterval(-7 * 86_400), limit: 100,
                                       as: cast.base.owner).count >= 3)
        guard case .intact = try pg.verifyAccessLog() else {
            Issue.record("the log on PostgreSQL does not verify")
            return
        }
        for kind in ["not_found", "unknown_staff", "inactive_user", "not_for_role", "emergency_required",
                     "needs its reason", "primary-care unit", "has died", "in the future", "registered after",
                     "already contacted", "already assessed", "not your unit", "licensed staff", "today or later",
                     "at most 500"] {
            #expect(refusals.contains { $0.contains(kind) }, "no refusal \(kind): \(refusals.sorted())")
        }
    }
}
