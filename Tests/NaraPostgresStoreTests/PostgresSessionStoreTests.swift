import Foundation
import GRDB
@testable import NaraDomain
import NaraPostgresTesting
import Testing
@testable import NaraPostgresStore
@testable import NaraStore

/// What a session asks of a PostgreSQL store besides patient data.
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct PostgresSessionStoreTests {
    /// A copied demo says it is one and who its sessions run as, read when the store is
    /// opened; an empty database is production.
    @Test func theKindAndDemoUserComeWithTheCopy() throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 10)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(sqlite.kind == .demo && sqlite.demoUser != nil)
        #expect(pg.kind == .production, "opened empty, before the copy")
        let reopened = try PostgresStore.open(location: pg.address, clock: RecordConformanceTests.clock)
        #expect(reopened.kind == .demo && reopened.demoUser == sqlite.demoUser)
        let empty = try PostgresStore.open(location: try PG.database())
        #expect(empty.kind == .production && empty.demoUser == nil)
    }

    /// The statements an action sends, in order, as the statement budgets count them.
    @Test func recordingGivesEachStatementSent() throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 10)
        defer { try? FileManager.default.removeItem(at: folder) }
        let c = try ConsentAndBlockConformanceTests.Cast(sqlite)
        let before = pg.client.statementsSent
        let (record, statements) = try pg.recordingStatements { try pg.openRecord(c.patient, as: c.owner) }
        #expect(record.patient.id == c.patient)
        #expect(statements.count == pg.client.statementsSent - before)
        #expect(statements.contains { $0.contains("append_access_log") })
        let (_, after) = try pg.recordingStatements { 1 }
        #expect(after.isEmpty)
        pg.releaseMemory()
        #expect(try pg.openRecord(c.patient, as: c.owner).patient.id == c.patient)
    }
}
