import Foundation
import GRDB
import NaraDomain
import NaraPostgresTesting
import PostgresNIO
import Testing
@testable import NaraPostgresStore
@testable import NaraStore

/// Sessions through PgBouncer in transaction pooling, as a region runs them: eight stores,
/// each a session's client connection, on two server connections at once. Each gets what
/// the SQLite store it was copied from gives (records, refusals, search hits, queues),
/// and the log appended from all of them stays one gap-free chain.
@Suite(.enabled(if: TestPgBouncer.shouldRun, TestPgBouncer.skipReason))
struct PgBouncerTests {
    @Test func eightSessionsOnTwoServerConnectionsGetWhatTheFileGives() throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 20)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pooled = try TestPgBouncer.require().location(for: pg.address)
        let head = try #require(try pg.accessLogHead()?.rowId)
        let patients = try RecordConformanceTests.patients(sqlite)
        let contexts = try RecordConformanceTests.contexts(sqlite, patients: patients)
        let queueContexts = try ReferralQueueConformanceTests.contexts(sqlite)
        let name = try #require(try sqlite.read { db in
            try String.fetchOne(db, sql: "SELECT family_name FROM patient WHERE id = ?", arguments: [patients[0].rawValue])
        })

        // What the file gives, in the same order each session will ask.
        var records: [String: Outcome<PatientRecord>] = [:]
        for (n, context) in contexts.enumerated() {
            for id in patients { records["\(n) \(id.rawValue)"] = RecordConformanceTests.open(sqlite, id, context) }
        }
        var queues: [String: Outcome<[ReferralListItem]>] = [:]
        for context in queueContexts {
            queues["\(context.staffId) \(context.unitId)"] =
                ReferralQueueConformanceTests.queue(sqlite, .inbox, closed: false, limit: 100, context)
        }
        let hits = try sqlite.searchPatients(name, limit: 50, as: contexts[0])
        let opened = records.values.filter { if case .value = $0 { true } else { false } }.count
        let queued = queues.values.filter { if case .value(let items) = $0 { !items.isEmpty } else { false } }.count
        #expect(opened >= 30 && queued >= 2 && !hits.isEmpty, "\(opened) records, \(queued) queues, \(hits.count) hits")

        let sessions = 8
        let staffIndex = Dictionary(Set(contexts.map(\.staffId)).sorted { $0.rawValue < $1.rawValue }.enumerated()
            .map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let problems = Errors()
        let expected = (records: records, queues: queues)
        PG.onThreads(sessions) { i in
            do {
                let store = try PostgresStore.open(location: pooled, clock: RecordConformanceTests.clock)
                #expect(try store.searchPatients(name, limit: 50, as: contexts[0]) == hits)
                // Each session opens the records of its share of the users, in the order the
                // file was asked (an emergency opening lets its user in for a while after).
                for (n, context) in contexts.enumerated() where staffIndex[context.staffId]! % sessions == i {
                    for id in patients {
                        let got = RecordConformanceTests.open(store, id, context)
                        #expect(got == expected.records["\(n) \(id.rawValue)"],
                                "patient \(id.rawValue), user \(context.staffId)")
                    }
                }
                for (n, context) in queueContexts.enumerated() where n % sessions == i {
                    let got = ReferralQueueConformanceTests.queue(store, .inbox, closed: false, limit: 100, context)
                    #expect(got == expected.queues["\(context.staffId) \(context.unitId)"], "queue of \(context.staffId)")
                }
            } catch {
                problems.add(error)
            }
        }
        #expect(problems.all.isEmpty, "\(problems.all)")
        let rows = try pg.accessLogRows(after: head, limit: 100_000)
        #expect(rows.filter { !$0.content.detail.hasPrefix("referral queue ") }.count == opened)
        guard case .intact(let total, _) = try pg.verifyAccessLog() else {
            Issue.record("the log appended through the pooler does not verify")
            return
        }
        #expect(total == Int(head) + rows.count)
        // The pooler held no more server connections than its pool, beside the direct store's.
        let database = pg.address.database
        let backends = try #require(try PG.admin(pg, """
            SELECT count(*)::int FROM pg_stat_activity WHERE datname = '\(database)'
            """).first?.decode(Int.self))
        #expect(backends <= TestPgBouncer.poolSize + 1, "\(backends) server connections")
    }
}
