import Foundation
import GRDB
@testable import NaraDomain
import NaraLogChain
import NaraPostgresTesting
import Testing
@testable import NaraPostgresStore
@testable import NaraStore

/// The access log's extract and review on PostgreSQL against the SQLite store it was
/// copied from: the same calls in the same order give the same extracts, samples,
/// reviews and refusals, and the same log rows (so the same chain: ids and hashes).
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct AccessLogStoreConformanceTests {
    /// Both stores, with the same reads logged in both: every user opens every patient's
    /// record at noon, and again at 19:30 (out of hours) through a second handle on each
    /// database with an evening clock. Returns the stores, the folder to remove, the
    /// patients and the users (`RecordConformanceTests`' choice of each).
    static func storesWithReads() throws
        -> (SQLiteStore, PostgresStore, URL, patients: [PatientID], users: [AccessContext]) {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 20)
        let patients = try RecordConformanceTests.patients(sqlite)
        let users = try RecordConformanceTests.contexts(sqlite, patients: patients)
        // A protected identity, which the demo's few patients lack.
        try sqlite.write { db in try db.execute(sql: "UPDATE patient SET protected = 1 WHERE id = ?",
                                                arguments: [patients[1].rawValue]) }
        try PG.admin(pg, "UPDATE nara.patient SET protected = true WHERE id = \(patients[1].rawValue)")
        let evening = FixedClock(RecordConformanceTests.today.noon(in: .stockholm).addingTimeInterval(7.5 * 3600))
        let late = (try SQLiteStore.open(at: sqlite.path, clock: evening),
                    try PostgresStore.open(location: pg.address, clock: evening))
        for (a, b) in [(sqlite, pg), late] as [(SQLiteStore, PostgresStore)] {
            for context in users {
                for id in patients {
                    _ = try? a.openRecord(id, as: context)
                    _ = try? b.openRecord(id, as: context)
                }
            }
        }
        #expect(try pg.accessLogHead()?.hash == sqlite.accessLogHead()?.hash)
        return (sqlite, pg, folder, patients, users)
    }

    /// An administrator of the demo's (a secretary with the role) and a log reviewer
    /// added to both stores at the same unit; neither has read anything yet.
    static func reviewers(_ sqlite: SQLiteStore, _ pg: PostgresStore) throws -> [AccessContext] {
        let admin = try #require(try sqlite.read { db in
            try Row.fetchOne(db, sql: """
                SELECT id, unit_id FROM staff WHERE roles LIKE '%administrator%' AND active = 1 ORDER BY id
                """)
        })
        let unit = UnitID(rawValue: admin["unit_id"])
        let reviewer = Staff(id: "rut.granskare", name: "Rut Granskare", profession: .secretary, unitId: unit,
                             roles: [.logReviewer])
        try sqlite.addStaff(reviewer)
        try pg.addStaff(reviewer)
        return [AccessContext(staffId: StaffID(rawValue: admin["id"]), unitId: unit, sessionId: "review"),
                AccessContext(staffId: reviewer.id, unitId: unit, clientAddress: "10.0.0.9", sessionId: "review")]
    }

    /// The rows after `head` are the same in both stores, and the chain on PostgreSQL holds.
    static func logRowsAgree(_ sqlite: SQLiteStore, _ pg: PostgresStore, after head: Int64) throws
        -> [StoredAccessLogRow] {
        let sqliteRows = try RecordConformanceTests.sqliteLogRows(sqlite, after: head)
        let pgRows = try pg.accessLogRows(after: head, limit: 100_000)
        #expect(pgRows == sqliteRows)
        guard case .intact(let rows, _) = try pg.verifyAccessLog() else {
            Issue.record("the log on PostgreSQL does not verify")
            return pgRows
        }
        #expect(rows == Int(head) + pgRows.count)
        return pgRows
    }

    @Test func everyUserGetsTheSameExtractOrRefusalAndTheSameLogRows() throws {
        let (sqlite, pg, folder, patients, users) = try Self.storesWithReads()
        defer { try? FileManager.default.removeItem(at: folder) }
        let contexts = users + (try Self.reviewers(sqlite, pg))
        let head = try #require(try pg.accessLogHead()?.rowId)
        var extracts = 0, rows = 0
        var refusals: Set<String> = []
        // Twice: an extract shown again in the session within the window logs nothing.
        for round in 0..<2 {
            for context in contexts {
                for id in patients {
                    // The export first: the screen's read right after it is the same extract, shown lately.
                    for (limit, action) in [(Int.max, AccessAction.export), (5, .read)] {
                        let expected = Outcome { try sqlite.accessLog(patient: id, limit: limit, action: action,
                                                                           as: context) }
                        let got = Outcome { try pg.accessLog(patient: id, limit: limit, action: action, as: context) }
                        #expect(got == expected, "patient \(id.rawValue), user \(context.staffId), limit \(limit)")
                        if case .value(let entries) = expected, round == 0 {
                            extracts += 1
                            rows += entries.count
                        }
                        if let refusal = expected.refusal { refusals.insert(refusal) }
                    }
                }
            }
        }
        #expect(extracts >= 40 && rows >= 200, "\(extracts) extracts of \(rows) rows")
        for refusal in ["not_found", "unknown_staff", "emergency_required", "inactive_user", "no_relationship"] {
            #expect(refusals.contains(refusal), "no refusal \(refusal): \(refusals.sorted())")
        }
        let logged = try Self.logRowsAgree(sqlite, pg, after: head)
        #expect(logged.allSatisfy { $0.content.detail.hasPrefix("log extract [") })
        #expect(logged.contains { $0.content.detail == "log extract [log review]" })
        #expect(logged.contains { $0.content.action == "export" })
    }

    @Test func theSameSeedDrawsTheSameSampleFromEitherStore() throws {
        let (sqlite, pg, folder, _, users) = try Self.storesWithReads()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reviewers = try Self.reviewers(sqlite, pg)
        let head = try #require(try pg.accessLogHead()?.rowId)
        let today = RecordConformanceTests.today
        var reasons: Set<AccessReviewReason> = []
        for reviewer in reviewers {
            for (from, to) in [(today, today), (today.adding(days: -30), today), (today.adding(days: 1), today.adding(days: 2))] {
                for sample in [0, 3, 1000] {
                    for seed: UInt64 in [1, 42, .max] {
                        let expected = Outcome { try sqlite.reviewSample(from: from, to: to, sample: sample, seed: seed,
                                                                              as: reviewer) }
                        let got = Outcome { try pg.reviewSample(from: from, to: to, sample: sample, seed: seed,
                                                                     as: reviewer) }
                        #expect(got == expected, "\(from)–\(to), sample \(sample), seed \(seed)")
                        if case .value(let items) = expected { reasons.formUnion(items.flatMap(\.reasons)) }
                    }
                }
            }
        }
        for reason in [AccessReviewReason.emergency, .protectedIdentity, .outOfHours, .emergencyWithoutCare, .random] {
            #expect(reasons.contains(reason), "no row chosen for \(reason): \(reasons)")
        }
        // Different seeds draw different rows.
        let drawn = try [UInt64(1), 2].map { seed in
            let items = try pg.reviewSample(from: today, to: today, sample: 3, seed: seed, as: reviewers[1])
            #expect(try sqlite.reviewSample(from: today, to: today, sample: 3, seed: seed, as: reviewers[1]) == items)
            return items.filter { $0.reasons == [.random] }.map(\.entry.id)
        }
        #expect(drawn[0] != drawn[1])
        let refused: [(Int, LocalDate, AccessContext, StoreError)] = [
            (3, today.adding(days: -1), reviewers[0], .refused(.periodEndsBeforeStart)),
            (-1, today, reviewers[0], .refused(.negativeSample)),
            (3, today, users[0], .accessDenied(.notForRole)),
            (3, today, users.last!, .unknownStaff(users.last!.staffId)),
        ]
        for (sample, to, context, error) in refused {
            #expect(Outcome { try sqlite.reviewSample(from: today, to: to, sample: sample, seed: 1, as: context) }
                    == .refused(error))
            #expect(Outcome { try pg.reviewSample(from: today, to: to, sample: sample, seed: 1, as: context) }
                    == .refused(error))
        }
        let logged = try Self.logRowsAgree(sqlite, pg, after: head)
        #expect(!logged.isEmpty && logged.allSatisfy { $0.content.detail == "log review [log review]" })
    }

    @Test func reviewsAreRecordedAndRefusedAlike() throws {
        let (sqlite, pg, folder, patients, users) = try Self.storesWithReads()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reviewers = try Self.reviewers(sqlite, pg)
        let other = try #require(try pg.accessLogHead()?.rowId)
        // A row of the administrator's own: the extract they read.
        _ = try sqlite.accessLog(patient: patients[0], limit: 1, as: reviewers[0])
        _ = try pg.accessLog(patient: patients[0], limit: 1, action: .read, as: reviewers[0])
        let own = other + 1, head = own
        let inactive = try #require(users.first { context in (try? sqlite.staff(context.staffId))?.active == false })
        let marks: [(Int64, AccessReviewVerdict, String, AccessContext)] = [
            (other, .ok, "Kontrollerat", users[0]),
            (other, .ok, "Kontrollerat", inactive),
            (other, .ok, "Kontrollerat", users.last!),
            (other, .ok, "   ", reviewers[0]),
            (other, .ok, String(repeating: "x", count: 1001), reviewers[0]),
            (head + 10_000, .ok, "Kontrollerat", reviewers[0]),
            (own, .ok, "Min egen", reviewers[0]),
            (other, .followUp, "Fråga om\nbesöket", reviewers[0]),
            (other, .ok, "Igen", reviewers[1]),
            (other - 1, .ok, "Kontrollerat", reviewers[1]),
            (1, .ok, "Registrering", reviewers[1]),
        ]
        var refusals = 0
        for (row, verdict, comment, context) in marks {
            let expected = Outcome { try sqlite.markReviewed(logId: row, verdict: verdict, comment: comment, as: context) }
            let got = Outcome { try pg.markReviewed(logId: row, verdict: verdict, comment: comment, as: context) }
            #expect(got == expected, "row \(row) by \(context.staffId)")
            if expected.refusal != nil { refusals += 1 }
        }
        #expect(refusals == 8)
        let today = RecordConformanceTests.today
        let sample = Outcome { try pg.reviewSample(from: today.adding(days: -30), to: today, sample: 1000, seed: 5,
                                                        as: reviewers[1]) }
        #expect(sample == Outcome { try sqlite.reviewSample(from: today.adding(days: -30), to: today, sample: 1000,
                                                                 seed: 5, as: reviewers[1]) })
        if case .value(let items) = sample {
            #expect(items.first { $0.entry.id == other }?.review?.comment == "Fråga om besöket")
            #expect(items.compactMap(\.review).count == 3)
        }
        let logged = try Self.logRowsAgree(sqlite, pg, after: head)
        #expect(logged.filter { $0.content.detail.hasPrefix("log review of row ") }.count == 3)
    }

    /// Two sessions review the same row at the same moment: one review stands, the other
    /// is refused as a duplicate, and one log row says so, on either store. On PostgreSQL
    /// both are held at their insert (a lock on the reviews' table) until both have
    /// read, so the conditional insert, not the read before it, decides.
    @Test func twoReviewsOfOneRowAtOnceGiveOneVerdict() throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 20)
        defer { try? FileManager.default.removeItem(at: folder) }
        let reviewer = try Self.reviewers(sqlite, pg)[1]
        let row = try #require(try pg.accessLogHead()?.rowId)
        let sqliteResults = Self.reviewTwice(row, as: reviewer, [sqlite, sqlite], whileBothWait: nil)
        let sessions = [try PostgresStore.open(location: pg.address, clock: pg.clock),
                        try PostgresStore.open(location: pg.address, clock: pg.clock)]
        let lock = try PostgresStore.open(location: pg.address)
        var bothWaited = false
        let pgResults = try lock.client.withConnection { session in
            try session.query("BEGIN")
            try session.query("LOCK TABLE nara.access_review IN SHARE MODE")
            return Self.reviewTwice(row, as: reviewer, sessions) {
                // Both inserts wait for the lock, after both reads.
                for _ in 0..<500 {
                    let waiting = try? pg.client.query("""
                        SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'nara.access_review'::regclass
                        """).first?.decode(Int64.self)
                    if waiting == 2 {
                        bothWaited = true
                        break
                    }
                    Thread.sleep(forTimeInterval: 0.01)
                }
                _ = try? session.query("COMMIT")
            }
        }
        #expect(bothWaited)
        for errors in [sqliteResults, pgResults] {
            #expect(errors.count == 1 && errors.first as? StoreError == AccessReviewMark.duplicate(row), "\(errors)")
        }
        let logged = try Self.logRowsAgree(sqlite, pg, after: row)
        #expect(logged.count == 1 && logged[0].content.detail.hasPrefix("log review of row \(row): "))
        #expect(try PG.admin(pg, "SELECT count(*) FROM nara.access_review WHERE log_id = \(row)")[0].decode(Int64.self) == 1)
    }

    /// The round trips each call costs on PostgreSQL, as their doc comments say.
    @Test func eachCallSendsTheStatementsItsCommentStates() throws {
        let (sqlite, pg, folder, patient, user) = try RecordOnPostgresTests.opened()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try pg.openRecord(patient, as: user)
        let opened = try #require(try pg.accessLogHead()?.rowId)
        let reviewer = try Self.reviewers(sqlite, pg)[1]
        let today = RecordConformanceTests.today
        func sent(_ body: () throws -> Void) rethrows -> Int {
            let before = pg.client.statementsSent
            try body()
            return pg.client.statementsSent - before
        }
        #expect(try sent { _ = try pg.accessLog(patient: patient, limit: 10, action: .read, as: user) } == 2)
        #expect(try sent { _ = try pg.accessLog(patient: patient, limit: 10, action: .read, as: user) } == 1)
        #expect(sent { _ = try? pg.accessLog(patient: PatientID(rawValue: 9_999_999), limit: 10, action: .read, as: user) } == 1)
        #expect(try sent { _ = try pg.reviewSample(from: today, to: today, sample: 5, seed: 1, as: reviewer) } == 3)
        #expect(try sent {
            _ = try pg.reviewSample(from: today.adding(days: 1), to: today.adding(days: 1), sample: 5, seed: 1, as: reviewer)
        } == 1)
        #expect(sent { _ = try? pg.reviewSample(from: today, to: today, sample: 5, seed: 1, as: user) } == 1)
        #expect(sent { _ = try? pg.reviewSample(from: today, to: today.adding(days: -1), sample: 5, seed: 1, as: reviewer) } == 0)
        #expect(try sent { try pg.markReviewed(logId: opened, verdict: .ok, comment: "Kontrollerat", as: reviewer) } == 2)
        #expect(sent { _ = try? pg.markReviewed(logId: opened, verdict: .ok, comment: "Igen", as: reviewer) } == 1)
        #expect(sent { _ = try? pg.markReviewed(logId: opened, verdict: .ok, comment: " ", as: reviewer) } == 0)
    }

    /// Marks `row` from two threads, each through its own store, at once; `whileBothWait`
    /// runs on the calling thread while they do. Returns the errors.
    static func reviewTwice(_ row: Int64, as reviewer: AccessContext, _ stores: [any AccessLogStore],
                            whileBothWait: (() -> Void)?) -> [any Error] {
        let errors = Errors()
        let group = DispatchGroup()
        for store in stores {
            group.enter()
            Thread {
                do { try store.markReviewed(logId: row, verdict: .ok, comment: "Granskad", as: reviewer) } catch {
                    errors.add(error)
                }
                group.leave()
            }.start()
        }
        whileBothWait?()
        group.wait()
        return errors.all
    }
}
