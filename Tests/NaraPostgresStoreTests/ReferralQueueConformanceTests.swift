import Foundation
import GRDB
@testable import NaraDomain
import NaraLogChain
import NaraPostgresTesting
import Testing
@testable import NaraPostgresStore
@testable import NaraStore

/// The referral queue on PostgreSQL against the SQLite store it was copied from: for
/// each user, box and choice of closed referrals, the same items or the same refusal,
/// and the same log rows (so the same chain: the same ids and hashes).
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct ReferralQueueConformanceTests {
    /// Staff at the units referrals go to and come from, one of each role anywhere (some
    /// roles may not read referrals), a departed user and a login no one has.
    static func contexts(_ store: SQLiteStore) throws -> [AccessContext] {
        let staff = try store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT DISTINCT staff, unit FROM (
                    SELECT s.id AS staff, s.unit_id AS unit FROM staff s
                     WHERE s.unit_id IN (SELECT to_unit_id FROM referral UNION SELECT from_unit_id FROM referral)
                       AND s.id = (SELECT min(t.id) FROM staff t WHERE t.unit_id = s.unit_id AND t.active = 1)
                    UNION ALL SELECT id, unit_id FROM staff WHERE id IN (SELECT min(id) FROM staff GROUP BY roles)
                    UNION ALL SELECT * FROM (SELECT id, unit_id FROM staff WHERE active = 0 ORDER BY id LIMIT 1))
                WHERE staff IS NOT NULL ORDER BY staff, unit
                """)
        }
        let contexts = staff.map { AccessContext(staffId: StaffID(rawValue: $0["staff"]), unitId: UnitID(rawValue: $0["unit"]),
                                                 clientAddress: "10.0.0.7", sessionId: "queue") }
        return contexts + [AccessContext(staffId: "ingen.alls", unitId: contexts[0].unitId, sessionId: "queue")]
    }

    static func queue(_ store: any QueueStore, _ box: ReferralBox, unit: UnitID? = nil, closed: Bool, limit: Int,
                      _ context: AccessContext) -> Outcome<[ReferralListItem]> {
        Outcome { try store.referrals(box: box, unit: unit ?? context.unitId, includeClosed: closed, limit: limit,
                                      as: context) }
    }

    @Test func everyUserGetsTheSameQueueOrRefusalAndTheSameLogRows() throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores()
        defer { try? FileManager.default.removeItem(at: folder) }
        let head = try #require(try pg.accessLogHead()?.rowId)
        let contexts = try Self.contexts(sqlite)
        var items = 0, closedOnly = 0
        var refusals: Set<String> = []
        // Twice each: the second reading of a list in a session logs only what it did not show.
        for round in 0..<2 {
            for context in contexts {
                for box in ReferralBox.allCases {
                    for closed in [false, true] {
                        for limit in [100, 2] {
                            let expected = Self.queue(sqlite, box, closed: closed, limit: limit, context)
                            let got = Self.queue(pg, box, closed: closed, limit: limit, context)
                            #expect(got == expected, "\(box) closed \(closed) limit \(limit), user \(context.staffId)")
                            if case .value(let list) = expected, round == 0, limit == 100 {
                                items += list.count
                                if closed { closedOnly += list.filter { $0.referral.state.isClosed }.count }
                            }
                            if let refusal = expected.refusal { refusals.insert(refusal) }
                        }
                    }
                }
            }
        }
        let elsewhere = try #require(contexts.first { $0.unitId != contexts[1].unitId })
        #expect(Self.queue(pg, .inbox, unit: elsewhere.unitId, closed: false, limit: 10, contexts[1])
                == Self.queue(sqlite, .inbox, unit: elsewhere.unitId, closed: false, limit: 10, contexts[1]))
        #expect(contexts.count >= 6 && items >= 20 && closedOnly >= 1,
                "\(contexts.count) users, \(items) items, \(closedOnly) closed")
        for refusal in ["unknown_staff", "inactive_user", "not_for_role"] {
            #expect(refusals.contains(refusal), "no refusal \(refusal): \(refusals.sorted())")
        }
        let sqliteRows = try RecordConformanceTests.sqliteLogRows(sqlite, after: head)
        let pgRows = try pg.accessLogRows(after: head, limit: 10_000)
        #expect(pgRows == sqliteRows)
        #expect(!pgRows.isEmpty && pgRows.allSatisfy { $0.content.detail.hasPrefix("referral queue ") })
        guard case .intact(let rows, _) = try pg.verifyAccessLog() else {
            Issue.record("the log on PostgreSQL does not verify")
            return
        }
        #expect(rows == Int(head) + pgRows.count)
        #expect(try pg.accessLogHead()?.hash == sqlite.accessLogHead()?.hash)
    }

    /// Two round trips for a queue whatever it holds (the read, the log rows); one when
    /// the session has logged its patients lately or the user is refused; none for
    /// another unit's queue.
    @Test func aQueueIsTwoStatements() throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 20)
        defer { try? FileManager.default.removeItem(at: folder) }
        let unit = try #require(try sqlite.read { db in
            try String.fetchOne(db, sql: "SELECT to_unit_id FROM referral WHERE state <> 'draft' GROUP BY 1 ORDER BY count(*) DESC")
        })
        let user = try #require(try sqlite.read { db in
            try String.fetchOne(db, sql: "SELECT id FROM staff WHERE unit_id = ? AND active = 1 AND roles = 'physician'",
                                arguments: [unit])
        })
        let context = AccessContext(staffId: StaffID(rawValue: user), unitId: UnitID(rawValue: unit), sessionId: "count")
        var before = pg.client.statementsSent
        let items = try pg.referrals(box: .inbox, unit: context.unitId, includeClosed: true, limit: 100, as: context)
        #expect(!items.isEmpty)
        #expect(pg.client.statementsSent - before == 2)
        before = pg.client.statementsSent
        #expect(try pg.referrals(box: .inbox, unit: context.unitId, includeClosed: true, limit: 100, as: context) == items)
        #expect(pg.client.statementsSent - before == 1)
        before = pg.client.statementsSent
        #expect(throws: StoreError.refused(.queueOfOwnUnit)) {
            try pg.referrals(box: .inbox, unit: "SE0000000000-x", includeClosed: true, limit: 100, as: context)
        }
        #expect(pg.client.statementsSent - before == 0)
    }
}

/// `nara.referral_queue` is the queue of this version's parts, in each of its four
/// branches. Made by a migration, it stays as it was made when the parts change later:
/// this test then fails until a new migration replaces it (`RegionSchemaReferralQueue`).
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct ReferralQueueFunctionTests {
    static let variants = ReferralBox.allCases.flatMap { box in [false, true].map { (box, $0) } }

    @Test func theFunctionIsTheQueueOfThisVersion() throws {
        let pg = try PG.store()
        let body = try #require(try PG.admin(pg, """
            SELECT prosrc FROM pg_proc WHERE proname = 'referral_queue'
               AND pronamespace = 'nara'::regnamespace
            """).first?.decode(String.self))
        for (box, closed) in Self.variants {
            let read = RegionSchemaReferralQueue.read(box, includeClosed: closed)
            #expect(body.contains(read), "nara.referral_queue is not the queue of ReferralQueueQuery: add a migration")
            #expect(read.firstMatch(of: /[^:]:[a-z]/) == nil, "a named argument is left")
            #expect(read.firstMatch(of: /\b(FROM|JOIN)\s+(?!nara\.|\(|queued\b)[a-z_]+/) == nil,
                    "a table without its schema")
        }
    }

    /// Every part comes back, as a row, in every branch: a unit no one works at has an empty queue.
    @Test func everyBranchGivesEveryPart() throws {
        let pg = try PG.store()
        for (box, closed) in Self.variants {
            let rows = try PG.admin(pg, """
                SELECT part, rows FROM nara.referral_queue('none', 'nobody', '2026-12-06', 0, 10, '\(box.rawValue)', \(closed))
                """).map { try $0.decode((String, String?).self) }
            #expect(rows.count == ReferralQueueQuery.parts.count)
            #expect(Set(rows.map(\.0)) == Set(ReferralQueueQuery.parts.map(\.name)))
            #expect(rows.contains { $0.0 == "referral" && $0.1 == nil })
        }
    }
}
