import Foundation
import GRDB
@testable import NaraDomain
import NaraLogChain
import NaraPostgresTesting
import Testing
@testable import NaraPostgresStore
@testable import NaraStore

/// The nurse's day on PostgreSQL against the SQLite store: the same requests, in the same
/// order, give the same results or the same refusals and leave the same log rows (the
/// same ids and hashes).
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct DayStoreConformanceTests {
    typealias Cast = ConsentAndBlockConformanceTests.Cast

    /// The tasks a store made, in order, for the requests that name them afterwards.
    final class Made { var tasks: [Int64] = [] }

    typealias Request = (name: String, run: (any DayStore, Made) throws -> Any)

    /// Two open care requests of the patient at the owner's unit, one with a callback
    /// window, written alike into both stores; the owner reads them.
    static func requestUser(_ sqlite: SQLiteStore, _ pg: PostgresStore, _ c: Cast) throws -> AccessContext {
        let registered = Int64(RecordConformanceTests.clock.now.timeIntervalSince1970) - 3600
        let next = try sqlite.read { db in try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) + 1 FROM care_request") }
        for (i, window) in [("NULL", "NULL"), ("480", "540")].enumerated() {
            let values = """
                (\(next! + Int64(i)), \(c.patient.rawValue), '\(c.unit.rawValue)', 'phone', 'new', 'Hosta', \(registered),
                 '\(RecordConformanceTests.today.iso)', '\(c.owner.staffId.rawValue)', \(window.0), \(window.1))
                """
            let columns = """
                (id, patient_id, unit_id, channel, problem, reason, registered_at, registered_on, registered_by,
                 callback_from, callback_to)
                """
            try sqlite.write { db in try db.execute(sql: "INSERT INTO care_request \(columns) VALUES \(values)") }
            try PG.admin(pg, "INSERT INTO nara.care_request \(columns) VALUES \(values)")
        }
        // The ids were given: the next one drawn follows them, as on SQLite.
        try PG.admin(pg, "SELECT setval(pg_get_serial_sequence('nara.care_request', 'id'), max(id)) FROM nara.care_request")
        return c.owner
    }

    /// Every task call, each way it succeeds and each refusal the rules have, and the care-request lists.
    static func requests(_ c: Cast, requestUser: AccessContext) -> [Request] {
        let today = RecordConformanceTests.today
        let none = PatientID(rawValue: 9_999_999)
        var emergency = c.outsider
        emergency.emergencyReason = "Akut försämring, patienten medvetslös"
        func add(_ text: String = "Ring patienten", staff: StaffID? = nil, unit: UnitID? = nil, due: LocalDate? = nil,
                 patient: PatientID? = nil, as context: AccessContext) -> (any DayStore, Made) throws -> Any {
            { store, made in
                let task = try store.addTask(patient ?? c.patient, text: text, toStaff: staff, toUnit: unit, due: due,
                                             priority: .urgent, as: context)
                made.tasks.append(task.id)
                return task
            }
        }
        func complete(_ index: Int, reply: String? = "Klart", as context: AccessContext) -> (any DayStore, Made)
            throws -> Any {
            { store, made in
                let id = made.tasks.indices.contains(index) ? made.tasks[index] : 9_999_998
                return try store.completeTask(c.patient, id: id, reply: reply, as: context)
            }
        }
        func open(_ context: AccessContext, limit: Int = 100) -> (any DayStore, Made) throws -> Any {
            { store, _ in try store.openTasks(limit: limit, as: context) }
        }
        func tasks(_ context: AccessContext, _ patient: PatientID? = nil) -> (any DayStore, Made) throws -> Any {
            { store, _ in try store.tasks(of: patient ?? c.patient, as: context) }
        }
        return [
            ("open before", open(c.owner)),
            ("to a colleague", add(staff: c.colleague, as: c.owner)),
            ("to the unit", add("Boka besök", unit: c.unit, due: today.adding(days: 3), as: c.owner)),
            ("to another unit", add("Svara på frågan", unit: c.otherProvidersUnit, as: c.owner)),
            ("in an emergency", add("Följ upp", staff: c.colleague, as: emergency)),
            ("without text", add(" \n ", staff: c.colleague, as: c.owner)),
            ("to two", add(staff: c.colleague, unit: c.unit, as: c.owner)),
            ("to none", add(as: c.owner)),
            ("due yesterday", add(staff: c.colleague, due: today.adding(days: -1), as: c.owner)),
            ("to no one", add(staff: "ingen.alls", as: c.owner)),
            ("to the departed", add(staff: c.departedId, as: c.owner)),
            ("to no unit", add(unit: "SE2321000164-finns-ej", as: c.owner)),
            ("without relationship", add(staff: c.colleague, as: c.outsider)),
            ("without the right", add(staff: c.colleague, as: c.noRight)),
            ("by the secretary", add(staff: c.colleague, as: c.secretary)),
            ("by the departed", add(staff: c.colleague, as: c.departed)),
            ("by no one", add(staff: c.colleague, as: c.stranger)),
            ("for no patient", add(staff: c.colleague, patient: none, as: c.owner)),
            ("tasks", tasks(c.owner)),
            ("tasks without relationship", tasks(c.outsider)),
            ("tasks in an emergency", tasks(emergency)),
            ("tasks by the departed", tasks(c.departed)),
            ("tasks by no one", tasks(c.stranger)),
            ("tasks of no patient", tasks(c.owner, none)),
            ("open to the owner", open(c.owner)),
            ("open to the owner again", open(c.owner)),
            ("open to the owner, one", open(c.owner, limit: 1)),
            ("open to the outsider", open(c.outsider)),
            ("open to the secretary", open(c.secretary)),
            ("open to the departed", open(c.departed)),
            ("open to no one", open(c.stranger)),
            ("done by the owner", complete(1, reply: "  Bokat \n", as: c.owner)),
            ("done again", complete(1, as: c.owner)),
            ("done elsewhere's", complete(3, as: c.owner)),
            ("done without relationship", complete(0, as: c.outsider)),
            ("done by the departed", complete(0, as: c.departed)),
            ("no such task", { store, _ in try store.completeTask(c.patient, id: 9_999_999, reply: nil, as: c.owner) }),
            ("task of no patient", { store, made in
                try store.completeTask(none, id: made.tasks.first ?? 1, reply: nil, as: c.owner) }),
            ("done without reply", complete(0, reply: " ", as: c.owner)),
            ("tasks at last", tasks(c.owner)),
            ("open at last", open(c.owner)),
            ("care requests", { store, _ in try store.openCareRequests(callbacks: false, limit: 100, as: requestUser) }),
            ("care requests again", { store, _ in
                try store.openCareRequests(callbacks: false, limit: 100, as: requestUser) }),
            ("care requests, one", { store, _ in try store.openCareRequests(callbacks: false, limit: 1, as: requestUser) }),
            ("callback list at the unit", { store, _ in
                try store.openCareRequests(callbacks: true, limit: 100, as: requestUser) }),
            ("care requests, one", { store, _ in try store.openCareRequests(callbacks: false, limit: 1, as: c.secretary) }),
            ("callback list", { store, _ in try store.openCareRequests(callbacks: true, limit: 100, as: c.owner) }),
            ("callback list, secretary", { store, _ in
                try store.openCareRequests(callbacks: true, limit: 100, as: c.secretary) }),
            ("care requests, outsider", { store, _ in
                try store.openCareRequests(callbacks: false, limit: 100, as: c.outsider) }),
            ("care requests, departed", { store, _ in
                try store.openCareRequests(callbacks: false, limit: 100, as: c.departed) }),
            ("care requests, no one", { store, _ in
                try store.openCareRequests(callbacks: true, limit: 100, as: c.stranger) }),
        ]
    }

    @Test func everyTaskRequestGivesTheSameResultOrRefusalAndTheSameLogRows() throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 20)
        defer { try? FileManager.default.removeItem(at: folder) }
        let head = try #require(try pg.accessLogHead()?.rowId)
        let cast = try Cast(sqlite)
        let (madeOnSQLite, madeOnPostgres) = (Made(), Made())
        var refusals: Set<String> = []
        for request in Self.requests(cast, requestUser: try Self.requestUser(sqlite, pg, cast)) {
            let expected = ConsentAndBlockConformanceTests.Outcome { try request.run(sqlite, madeOnSQLite) }
            let got = ConsentAndBlockConformanceTests.Outcome { try request.run(pg, madeOnPostgres) }
            #expect(got == expected, "\(request.name)")
            switch expected {
            case .done: break
            case .refused(.invalid): refusals.insert("invalid")
            case .refused(let error): refusals.insert(ConsentAndBlockConformanceTests.kind(error))
            case .failed(let error): Issue.record("\(request.name) failed on SQLite: \(error)")
            }
        }
        #expect(madeOnSQLite.tasks == madeOnPostgres.tasks && madeOnSQLite.tasks.count >= 3, "\(madeOnSQLite.tasks)")
        let sqliteRows = try RecordConformanceTests.sqliteLogRows(sqlite, after: head)
        let pgRows = try pg.accessLogRows(after: head, limit: 10_000)
        #expect(pgRows == sqliteRows)
        #expect(sqliteRows.contains { $0.content.detail.hasPrefix(TaskRules.listView) })
        #expect(sqliteRows.contains { $0.content.detail.hasPrefix(CareRequestList.view(callbacks: false)) })
        guard case .intact = try pg.verifyAccessLog() else {
            Issue.record("the log on PostgreSQL does not verify")
            return
        }
        for kind in ["not_found", "unknown_staff", "inactive_staff", "emergency_required", "inactive_user",
                     "invalid"] {
            #expect(refusals.contains(kind), "no refusal \(kind): \(refusals.sorted())")
        }
    }

    /// Five statements a change, four one refused on what was read, none one refused on
    /// the request alone; two a patient's tasks; two the open-task list, one when the
    /// session logged its patients lately or the user is refused.
    @Test func taskCallsSendTheStatementsTheirDocCommentsSay() throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 20)
        defer { try? FileManager.default.removeItem(at: folder) }
        let c = try Cast(sqlite)
        func sent(_ body: () throws -> Void) rethrows -> Int {
            let before = pg.client.statementsSent
            try body()
            return pg.client.statementsSent - before
        }
        var task: PatientTask?
        #expect(try sent { task = try pg.addTask(c.patient, text: "Ring", toUnit: c.unit, as: c.owner) } == 5)
        let id = try #require(task?.id)
        #expect(try sent { _ = try pg.tasks(of: c.patient, as: c.owner) } == 2)
        var list: [TaskRow] = []
        #expect(try sent { list = try pg.openTasks(limit: 100, as: c.owner) } == 2)
        #expect(list.contains { $0.task.id == id })
        #expect(try sent { _ = try pg.openTasks(limit: 100, as: c.owner) } == 1)
        #expect(sent { #expect(throws: StoreError.accessDenied(.inactiveUser)) {
            try pg.openTasks(limit: 100, as: c.departed)
        } } == 1)
        #expect(try sent { _ = try pg.completeTask(c.patient, id: id, reply: nil, as: c.owner) } == 5)
        #expect(sent { #expect(throws: StoreError.invalid("task \(id) is already done")) {
            try pg.completeTask(c.patient, id: id, reply: nil, as: c.owner)
        } } == 4)
        let nurse = try Self.requestUser(sqlite, pg, c)
        var requests: [CareRequestRow] = []
        #expect(try sent { requests = try pg.openCareRequests(callbacks: false, limit: 100, as: nurse) } == 2)
        #expect(!requests.isEmpty)
        #expect(try sent { _ = try pg.openCareRequests(callbacks: false, limit: 100, as: nurse) } == 1)
        #expect(sent { #expect(throws: StoreError.accessDenied(.inactiveUser)) {
            try pg.openCareRequests(callbacks: true, limit: 100, as: c.departed)
        } } == 1)
        #expect(sent { #expect(throws: StoreError.invalid("a task needs its text")) {
            try pg.addTask(c.patient, text: "", toUnit: c.unit, as: c.owner)
        } } == 0)
    }
}
