import Foundation
import GRDB
@testable import NaraDomain
import NaraPostgresTesting
import Testing
@testable import NaraPostgresStore
@testable import NaraStore

/// A plan's participants keep the order they were written in on PostgreSQL
/// (`RegionSchemaPlanParticipantPosition`): rows a copy brought get it from the
/// migration, rows written here from the store, and a copy takes it both ways.
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct PlanParticipantOrderTests {
    /// A database copied before the migration numbers its rows in the order they lie,
    /// the order the copy wrote them in, SQLite's: each record's plans are SQLite's.
    @Test func theMigrationNumbersCopiedRowsInSQLitesOrder() throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 40)
        defer { try? FileManager.default.removeItem(at: folder) }
        let c = try ConsentAndBlockConformanceTests.Cast(sqlite)
        _ = try pg.savePlan(PlanConformanceTests.plan(c), as: c.owner)
        _ = try sqlite.savePlan(PlanConformanceTests.plan(c), as: c.owner)
        _ = try PG.admin(pg, "ALTER TABLE nara.plan_participant DROP COLUMN position")
        _ = try PG.admin(pg, """
            DELETE FROM nara.nara_migrations WHERE identifier = '\(RegionSchemaPlanParticipantPosition.identifier)'
            """)
        let again = try PostgresStore.open(location: pg.client.location, clock: RecordConformanceTests.clock)
        let patients = try sqlite.read { db in
            try Int64.fetchAll(db, sql: """
                SELECT DISTINCT p.patient_id FROM coordinated_plan p JOIN plan_participant pp ON pp.plan_id = p.id
                """)
        }
        #expect(!patients.isEmpty)
        var opened = 0
        for id in patients.map(PatientID.init(rawValue:)) {
            let context = try Self.member(sqlite, of: id)
            let expected = ConsentAndBlockConformanceTests.Outcome { try sqlite.openRecord(id, as: context).plans }
            #expect(ConsentAndBlockConformanceTests.Outcome { try again.openRecord(id, as: context).plans } == expected)
            if case .done = expected { opened += 1 }
        }
        #expect(opened > 0)
        let next = try again.savePlan(PlanConformanceTests.plan(c), as: c.owner)
        #expect(try again.openRecord(c.patient, as: c.owner).plans.first { $0.id == next.id }?.participants.map(\.unitId)
                == next.participants.map(\.unitId))
    }

    /// A copy back to SQLite keeps the participants' order and every count.
    @Test func plansWrittenHereCopyBackInTheirOrder() throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 20)
        defer { try? FileManager.default.removeItem(at: folder) }
        let c = try ConsentAndBlockConformanceTests.Cast(sqlite)
        var plan = try pg.savePlan(PlanConformanceTests.plan(c), as: c.owner)
        plan.participants.reverse()
        _ = try pg.savePlan(plan, as: c.owner)
        let back = try SQLiteStore.open(at: folder.appendingPathComponent("back.sqlite").path,
                                        mode: .createIfMissing(.demo), clock: RecordConformanceTests.clock)
        #expect(try StoreCopy.run(from: pg, to: back).matches)
        #expect(try back.openRecord(c.patient, as: c.owner).plans == pg.openRecord(c.patient, as: c.owner).plans)
    }

    /// A user at the unit responsible for one of the patient's plans.
    static func member(_ store: SQLiteStore, of patient: PatientID) throws -> AccessContext {
        let row = try #require(try store.read { db in
            try Row.fetchOne(db, sql: """
                SELECT s.id, s.unit_id FROM coordinated_plan p JOIN staff s ON s.unit_id = p.responsible_unit_id
                 WHERE p.patient_id = ? AND s.active = 1 ORDER BY s.roles = 'physician' DESC, s.id LIMIT 1
                """, arguments: [patient.rawValue])
        })
        return AccessContext(staffId: StaffID(rawValue: row["id"]), unitId: UnitID(rawValue: row["unit_id"]),
                             clientAddress: "10.0.0.9", sessionId: "pp")
    }
}
