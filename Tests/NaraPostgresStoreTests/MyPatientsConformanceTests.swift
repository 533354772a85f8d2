import Foundation
import GRDB
@testable import NaraDomain
import NaraLogChain
import NaraPostgresTesting
import Testing
@testable import NaraPostgresStore
@testable import NaraStore

/// Mina patienter on PostgreSQL against the SQLite store: for the named contacts with
/// the most patients and for every kind of user of the cast, the same rows (alerts and
/// COC among them) or the same refusal, and the same log rows.
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct MyPatientsConformanceTests {
    typealias Cast = ConsentAndBlockConformanceTests.Cast

    /// The active staff who are named contacts of the most patients today, as users at their units.
    static func contacts(_ sqlite: SQLiteStore, count: Int) throws -> [AccessContext] {
        let today = RecordConformanceTests.today.iso
        return try sqlite.read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.id, s.unit_id FROM care_contact c JOIN staff s ON s.id = c.staff_id
                 WHERE s.active = 1 AND c.annulled_at IS NULL AND c.from_date <= ? AND (c.to_date IS NULL OR c.to_date > ?)
                 GROUP BY s.id, s.unit_id ORDER BY count(*) DESC, s.id LIMIT ?
                """, arguments: [today, today, count])
        }.map { row in
            AccessContext(staffId: StaffID(rawValue: row["id"]), unitId: UnitID(rawValue: row["unit_id"]),
                          clientAddress: "10.0.0.9", sessionId: "mp-" + (row["id"] as String))
        }
    }

    @Test func everyUserGetsTheSameListOrRefusalAndTheSameLogRows() throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 200)
        defer { try? FileManager.default.removeItem(at: folder) }
        let c = try Cast(sqlite)
        let named = try Self.contacts(sqlite, count: 4)
        #expect(named.count == 4)
        let head = try #require(try pg.accessLogHead()?.rowId)
        var users: [(String, AccessContext, Int)] = named.map { ($0.staffId.rawValue, $0, 2_000) }
        users += [("the first again", named[0], 2_000), ("the second, two", named[1], 2)]
        users += [("owner", c.owner, 2_000), ("outsider", c.outsider, 2_000), ("secretary", c.secretary, 2_000),
                  ("no right", c.noRight, 2_000), ("departed", c.departed, 2_000), ("no one", c.stranger, 2_000)]
        var shown = 0, alerts = 0, refusals: Set<String> = []
        for (name, user, limit) in users {
            let expected = ConsentAndBlockConformanceTests.Outcome { try sqlite.myPatients(limit: limit, as: user) }
            let got = ConsentAndBlockConformanceTests.Outcome { try pg.myPatients(limit: limit, as: user) }
            #expect(got == expected, "\(name)")
            if case .refused(let error) = expected { refusals.insert(ConsentAndBlockConformanceTests.kind(error)) }
            if name == named.first?.staffId.rawValue {
                let rows = try sqlite.myPatients(limit: limit, as: user)
                shown = rows.count
                alerts = rows.map(\.alerts.count).reduce(0, +)
            }
        }
        #expect(shown >= 3 && alerts >= 1, "the busiest contact has \(shown) patients with \(alerts) alerts")
        let sqliteRows = try RecordConformanceTests.sqliteLogRows(sqlite, after: head)
        let pgRows = try pg.accessLogRows(after: head, limit: 100_000)
        #expect(pgRows == sqliteRows)
        #expect(sqliteRows.contains { $0.content.detail.hasPrefix(MyPatientsList.view) })
        guard case .intact = try pg.verifyAccessLog() else {
            Issue.record("the log on PostgreSQL does not verify")
            return
        }
        #expect(refusals == ["inactive_user", "unknown_staff"], "\(refusals.sorted())")
    }

    /// Two statements a list, one when the session logged its patients lately or the user is refused.
    @Test func myPatientsSendsTheStatementsItsDocCommentSays() throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 60)
        defer { try? FileManager.default.removeItem(at: folder) }
        let c = try Cast(sqlite)
        let user = try #require(try Self.contacts(sqlite, count: 1).first)
        func sent(_ body: () throws -> Void) rethrows -> Int {
            let before = pg.client.statementsSent
            try body()
            return pg.client.statementsSent - before
        }
        var rows: [MyPatientRow] = []
        #expect(try sent { rows = try pg.myPatients(limit: 2_000, as: user) } == 2)
        #expect(!rows.isEmpty)
        #expect(try sent { _ = try pg.myPatients(limit: 2_000, as: user) } == 1)
        #expect(sent { #expect(throws: StoreError.accessDenied(.inactiveUser)) {
            try pg.myPatients(limit: 10, as: c.departed)
        } } == 1)
    }
}
