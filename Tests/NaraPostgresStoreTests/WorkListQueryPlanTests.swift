import Foundation
import GRDB
@testable import NaraDomain
import NaraPostgresTesting
import PostgresNIO
import Testing
@testable import NaraPostgresStore
@testable import NaraStore

/// The work lists' reads on PostgreSQL have the indexes SQLite's have (`QueryPlanTests`):
/// on a copy of a demo region, no list, count or Mina patienter must walk a whole table
/// of patient information for want of an index.
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct WorkListQueryPlanTests {
    /// The tables that grow with the patients.
    static let patientTables = ["patient", "listing", "encounter", "problem", "care_contact", "referral",
                                "referral_event", "referral_pause", "coordinated_plan", "plan_participant",
                                "plan_person", "plan_service", "discharge", "discharge_notice", "observation",
                                "check_done", "planned_contact", "consent", "information_block", "block_opening",
                                "care_request", "work_list_claim"]

    /// The tables a plan reads from start to end even when the planner is told to avoid
    /// it: those no index serves. The plan is the generic one a read function keeps. (With every patient of a small demo at one unit, a list
    /// is over nearly every row, and the planner rightly walks the tables; the question
    /// is whether a region of many units has an index to go by.)
    static func walked(_ pg: PostgresStore, _ sql: String, _ binds: PostgresBindings) throws -> Set<String> {
        let plan = try pg.client.transaction { session in
            try session.query("SET LOCAL enable_seqscan = off")
            // The plan the read's function keeps (`PostgresReadFunction`): made once, for any values.
            try session.query("SET LOCAL plan_cache_mode = force_generic_plan")
            return try session.query(PostgresQuery(unsafeSQL: "EXPLAIN " + sql, binds: binds))
                .map { try $0.decode(String.self) }
        }
        var walked: Set<String> = []
        for line in plan {
            guard let range = line.range(of: "Seq Scan on ") else { continue }
            let table = line[range.upperBound...].split(separator: " ").first.map(String.init) ?? ""
            walked.insert(table.replacing("nara.", with: ""))
        }
        return walked.intersection(patientTables)
    }

    @Test func everyWorkListReadHasAnIndexIntoEachPatientTable() throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 600)
        defer { try? FileManager.default.removeItem(at: folder) }
        try PG.admin(pg, "ANALYZE")
        let c = try ConsentAndBlockConformanceTests.Cast(sqlite)
        let today = RecordConformanceTests.today, now = RecordConformanceTests.clock.now
        func binds(_ kind: WorkListKind?) -> PostgresBindings {
            PostgresRecordSQL.binds(PostgresWorkListSQL.values(c.owner, unit: c.unit, kind: kind, settings: .default,
                                                               today: today, clockToday: today, now: now),
                                    names: PostgresWorkListSQL.argumentNames)
        }
        for kind in WorkListKind.allCases {
            let walked = try Self.walked(pg, PostgresWorkListSQL.lists[kind]!, binds(kind))
            #expect(walked.isEmpty, "\(kind) walks \(walked.sorted())")
        }
        let counts = try Self.walked(pg, PostgresWorkListSQL.counts, binds(nil))
        #expect(counts.isEmpty, "the counts walk \(counts.sorted())")
        let mine = try Self.walked(pg, PostgresWorkListSQL.myPatients, binds(nil))
        #expect(mine.isEmpty, "Mina patienter walks \(mine.sorted())")
    }
}
