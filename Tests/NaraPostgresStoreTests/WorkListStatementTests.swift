import Foundation
import GRDB
@testable import NaraDomain
import NaraPostgresTesting
import Synchronization
import Testing
@testable import NaraPostgresStore
@testable import NaraStore

/// What the work lists cost on PostgreSQL, and marks taken at once by colleagues.
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct WorkListStatementTests {
    typealias Cast = ConsentAndBlockConformanceTests.Cast

    /// Two statements a list, one when the session logged its patients lately or the user
    /// is refused; one the counts; five a mark, four one refused on what was read, none a
    /// note refused alone.
    @Test func workListCallsSendTheStatementsTheirDocCommentsSay() throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 60)
        defer { try? FileManager.default.removeItem(at: folder) }
        let c = try Cast(sqlite)
        let today = RecordConformanceTests.today
        func sent(_ body: () throws -> Void) rethrows -> Int {
            let before = pg.client.statementsSent
            try body()
            return pg.client.statementsSent - before
        }
        var rows: [WorkListRow] = []
        #expect(try sent { rows = try pg.workList(.withoutNamedGP, unit: c.unit, settings: .default, today: today,
                                                  limit: 500, as: c.owner) } == 2)
        let patient = try #require(rows.first?.patient.id)
        #expect(try sent { _ = try pg.workList(.withoutNamedGP, unit: c.unit, settings: .default, today: today,
                                               limit: 500, as: c.owner) } == 1)
        #expect(sent { #expect(throws: StoreError.accessDenied(.inactiveUser)) {
            try pg.workList(.withoutNamedGP, unit: c.unit, settings: .default, today: today, limit: 5, as: c.departed)
        } } == 1)
        var counts: [WorkListKind: Int] = [:]
        #expect(try sent { counts = try pg.workListCounts(unit: c.unit, settings: .default, today: today, as: c.owner) } == 1)
        #expect(counts[.withoutNamedGP] == rows.count)
        #expect(try sent { _ = try pg.toggleWorkListClaim(.withoutNamedGP, patient: patient, as: c.owner) } == 5)
        let colleague = try WorkListConformanceTests.colleague(sqlite, c)
        #expect(sent { #expect(throws: StoreError.self) {
            try pg.toggleWorkListClaim(.withoutNamedGP, patient: patient, as: colleague)
        } } == 4)
        #expect(try sent { _ = try pg.markWorkListHandled(.withoutNamedGP, patient: patient, note: "Ringt",
                                                          as: colleague) } == 5)
        #expect(sent { #expect(throws: StoreError.self) {
            try pg.markWorkListHandled(.withoutNamedGP, patient: patient,
                                       note: String(repeating: "x", count: WorkListClaim.noteLimit + 1), as: c.owner)
        } } == 0)
        #expect(try pg.workListCounts(unit: c.unit, settings: .default, today: today,
                                      as: c.owner)[.withoutNamedGP] == rows.count - 1)
    }

    /// Two colleagues take the same rows at the same moment, each on a connection of
    /// its own: for each row exactly one gets it, and the other is refused with the
    /// taker's name, as SQLite refuses; one log row for each row taken.
    @Test func colleaguesTakingOneRowAtOnceLeaveItToOne() throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 60)
        defer { try? FileManager.default.removeItem(at: folder) }
        let c = try Cast(sqlite)
        let rows = try pg.workList(.withoutNamedGP, unit: c.unit, settings: .default,
                                   today: RecordConformanceTests.today, limit: 8, as: c.owner)
        #expect(rows.count >= 4)
        let head = try #require(try pg.accessLogHead()?.rowId)
        let users = [c.owner, try WorkListConformanceTests.colleague(sqlite, c)]
        let errors = Errors(), taken = Mutex<[PatientID: [StaffID]]>([:])
        let stores = try users.map { _ in
            try PostgresStore.open(location: pg.client.location, clock: RecordConformanceTests.clock)
        }
        for row in rows {
            PG.onThreads(2) { i in
                do {
                    if let claim = try stores[i].toggleWorkListClaim(.withoutNamedGP, patient: row.patient.id, as: users[i]) {
                        taken.withLock { $0[row.patient.id, default: []].append(claim.claimedBy) }
                    }
                } catch StoreError.refused(.rowTakenBy) {
                    return
                } catch {
                    errors.add(error)
                }
            }
        }
        #expect(errors.all.isEmpty, "\(errors.all)")
        let byRow = taken.withLock { $0 }
        #expect(rows.allSatisfy { byRow[$0.patient.id]?.count == 1 }, "\(byRow)")
        let marks = try PG.admin(pg, """
            SELECT count(*) FROM nara.work_list_claim WHERE unit_id = '\(c.unit.rawValue)' AND kind = '\(WorkListKind.withoutNamedGP.rawValue)'
            """)[0].decode(Int64.self)
        #expect(marks == Int64(rows.count))
        #expect(try pg.accessLogHead()?.rowId == head + Int64(rows.count))
        guard case .intact = try pg.verifyAccessLog() else {
            Issue.record("the log on PostgreSQL does not verify")
            return
        }
    }
}
