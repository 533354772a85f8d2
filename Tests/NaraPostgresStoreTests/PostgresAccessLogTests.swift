import Foundation
import NaraDomain
import NaraLogChain
import NaraPostgresStore
import NaraPostgresTesting
import NaraStore
import Testing

/// The log on PostgreSQL: chained by the database's append function exactly as the
/// shared chain code chains it, append-only, and gap-free with many writers.
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct PostgresAccessLogTests {
    static let nurse = AccessContext(staffId: "karin.berg", unitId: "SE2321000164-vc01", clientAddress: "192.0.2.10",
                                     sessionId: "s-nurse")
    static let emergency = AccessContext(staffId: "erik.sjoberg", unitId: "SE2321000164-kard", sessionId: "s-kard",
                                         emergencyReason: "Medvetslös, anhöriga nås ej — åtgärd krävs")
    static let at = Date(timeIntervalSince1970: 1_795_000_000.123)

    static func rows(_ n: Int, from context: AccessContext = nurse) -> [AccessLogAppend] {
        (0..<n).map { i in
            AccessLogAppend(context, patient: i % 3 == 0 ? nil : PatientID(Int64(i)), action: .read,
                            detail: "översikt \(i), \"citat\", komma,kolon:", at: at.addingTimeInterval(Double(i)))
        }
    }

    @Test func appendedRowsVerifyWithTheSharedChainCode() throws {
        let store = try PG.store()
        let written = try store.appendAccessLog(Self.rows(4))
            + store.appendAccessLog([AccessLogAppend(Self.emergency, patient: PatientID(7), action: .read, detail: "",
                                                     emergency: true, at: Self.at)])
            + store.appendAccessLog(Self.rows(1))
        #expect(written.map(\.id) == [1, 2, 3, 4, 5, 6])
        let stored = try store.accessLogRows()
        #expect(stored.map(\.content.id) == [1, 2, 3, 4, 5, 6])
        #expect(stored[0].prevHash == AccessLogChain.genesis)
        var previous = AccessLogChain.genesis
        for (row, w) in zip(stored, written) {
            #expect(row.prevHash == previous)
            #expect(AccessLogChain.hash(previous: previous, row.content) == row.hash)
            #expect(row.hash == w.hash)
            previous = row.hash
        }
        #expect(stored[4].content.emergency && stored[4].content.reason == Self.emergency.emergencyReason)
        #expect(stored[4].content.clientAddress == nil && stored[1].content.clientAddress == "192.0.2.10")
        #expect(try store.verifyAccessLog(pageSize: 4) == .intact(rows: 6, head: previous))
        #expect(try store.accessLogHead()?.rowId == 6 && store.accessLogHead()?.hash == previous)
        #expect(try store.appendAccessLog([]).isEmpty)
    }

    /// The same rows logged by the SQLite store's door and appended on PostgreSQL give
    /// the same ids and the same hashes, so `nara audit verify` and a copied log agree.
    @Test func theSameContentGivesTheSameHashesInBothStores() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nara-hash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sqlite = try SQLiteStore.open(at: folder.appendingPathComponent("s.sqlite").path,
                                          mode: .createIfMissing(.production), clock: FixedClock(Self.at))
        let events: [(String, AccessAction, AccessContext)] = [
            ("rapport utan identiteter", .export, Self.nurse),
            ("Ångra: fjärrkommando ignorerat ✓", .read, Self.emergency),
            ("", .print, Self.nurse),
        ]
        for (detail, action, context) in events { try sqlite.logEvent(detail, action: action, as: context) }
        let pg = try PG.store()
        let written = try pg.appendAccessLog(events.map { AccessLogAppend($0.2, patient: nil, action: $0.1, detail: $0.0, at: Self.at) })
        let sqliteHead = try #require(try sqlite.accessLogHead())
        #expect(written.last?.id == sqliteHead.rowId && written.last?.hash == sqliteHead.hash)
        #expect(try sqlite.verifyAccessLog() == pg.verifyAccessLog())
    }

    @Test func sixteenWritersAtOnceLeaveOneGapFreeChain() throws {
        let location = try PG.database()
        let first = try PostgresStore.open(location: location)
        let errors = Errors()
        let perWriter = 25
        PG.onThreads(16) { writer in
            do {
                let store = try PostgresStore.open(location: location)
                for i in 0..<perWriter {
                    let context = AccessContext(staffId: StaffID("writer\(writer)"), unitId: "SE2321000164-vc01",
                                                sessionId: "w\(writer)")
                    try store.appendAccessLog(Self.rows(1 + i % 3, from: context))
                }
            } catch { errors.add(error) }
        }
        #expect(errors.all.isEmpty, "\(errors.all)")
        let expected = 16 * (0..<perWriter).reduce(0) { $0 + 1 + $1 % 3 }
        var ids: [Int64] = []
        var after: Int64 = 0
        while case let page = try first.accessLogRows(after: after, limit: 500), let last = page.last {
            ids += page.map(\.content.id)
            after = last.content.id
        }
        #expect(ids == Array(1...Int64(expected)))
        guard case .intact(rows: expected, _) = try first.verifyAccessLog() else {
            Issue.record("the log written by 16 writers does not verify")
            return
        }
    }

    @Test func theLogRefusesUpdateDeleteAndTruncate() throws {
        let store = try PG.store()
        try store.appendAccessLog(Self.rows(5))
        for sql in ["UPDATE nara.access_log SET detail = 'x' WHERE id = 2", "DELETE FROM nara.access_log WHERE id = 5",
                    "TRUNCATE nara.access_log",
                    "INSERT INTO nara.access_review VALUES (1, 0, 'x', 'c', 'ok')"] {
            let error = #expect(throws: StoreError.self, "\(sql)") { try PG.admin(store, sql) }
            // The review's foreign key stops TRUNCATE even before the trigger does.
            if sql.hasPrefix("INSERT") || sql.hasPrefix("TRUNCATE") { continue }
            #expect("\(String(describing: error))".contains("append-only"), "\(sql): \(String(describing: error))")
        }
        let head = try #require(try store.accessLogHead())
        #expect(try store.verifyAccessLog() == .intact(rows: 5, head: head.hash))
    }

    /// Someone who can switch the triggers off (the owner, a superuser) can change a
    /// row, and the shared verifier finds it.
    @Test func aChangedRowIsFoundByTheVerifier() throws {
        let store = try PG.store()
        try store.appendAccessLog(Self.rows(8))
        try PG.admin(store, "ALTER TABLE nara.access_log DISABLE TRIGGER access_log_no_change")
        try PG.admin(store, "UPDATE nara.access_log SET staff_id = 'maria.lind' WHERE id = 6")
        #expect(try store.verifyAccessLog(pageSize: 3) == .broken(rowId: 6, problem: .changed))
        try PG.admin(store, "DELETE FROM nara.access_log WHERE id = 3")
        #expect(try store.verifyAccessLog() == .broken(rowId: 4, problem: .removedBefore))
    }

    /// A role that may only execute the append function appends, and can do nothing
    /// else to the log.
    @Test func anApplicationRoleCanOnlyAppend() throws {
        let location = try PG.database()
        let owner = try PostgresStore.open(location: location)
        let role = "nara_app_" + UUID().uuidString.prefix(8).lowercased()
        try PG.admin(owner, "CREATE ROLE \(role) LOGIN")
        defer {
            _ = try? PG.admin(owner, "DROP OWNED BY \(role)")
            _ = try? PG.admin(owner, "DROP ROLE \(role)")
        }
        try PG.admin(owner, "GRANT USAGE ON SCHEMA nara TO \(role)")
        try PG.admin(owner, "GRANT SELECT ON ALL TABLES IN SCHEMA nara TO \(role)")
        try PG.admin(owner, "GRANT EXECUTE ON FUNCTION nara.append_access_log(jsonb) TO \(role)")
        var asApp = location
        asApp.user = role
        let app = try PostgresStore.open(location: asApp)
        #expect(try app.appendAccessLog(Self.rows(2)).map(\.id) == [1, 2])
        for sql in ["INSERT INTO nara.access_log SELECT * FROM nara.access_log WHERE id = 1",
                    "UPDATE nara.access_log SET detail = 'x'", "DELETE FROM nara.access_log", "TRUNCATE nara.access_log"] {
            let error = #expect(throws: StoreError.self, "\(sql)") { try PG.admin(app, sql) }
            #expect("\(String(describing: error))".contains("permission denied"), "\(sql): \(String(describing: error))")
        }
        #expect(try owner.appendAccessLog(Self.rows(1)).map(\.id) == [3])
        guard case .intact(rows: 3, _) = try app.verifyAccessLog() else {
            Issue.record("the log does not verify")
            return
        }
    }
}
