import Foundation
import GRDB
import NaraDomain
import Testing
@testable import NaraStore

/// The hash chain over the access log, and the verifier that finds a broken link.
@Suite struct AccessLogChainTests {
    /// A store whose log holds `count` rows about one patient (plus the registration row).
    func store(rows count: Int) throws -> StoreFixture {
        let f = try StoreFixture()
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        for i in 0..<count {
            try f.appendRow(p.id, "record \(i)", as: i % 2 == 0 ? f.nurse : f.cardiologist)
        }
        return f
    }

    /// Runs SQL with the append-only triggers dropped, as someone with the file would.
    func tamper(_ f: StoreFixture, _ sql: String) throws {
        try f.store.write { db in
            try db.execute(sql: "DROP TRIGGER IF EXISTS access_log_no_update; DROP TRIGGER IF EXISTS access_log_no_delete")
            try db.execute(sql: sql)
        }
    }

    /// The anchor of an empty log and the first row's `prev_hash` are one value, though
    /// the anchor lives beside the store protocols and the chain in the store.
    @Test func anEmptyLogIsAnchoredAtTheChainsGenesis() {
        #expect(AccessLogAnchor.emptyLogHash == AccessLogChain.genesis)
    }

    @Test func eachRowCarriesTheHashOfTheRowBefore() throws {
        let f = try store(rows: 3)
        defer { f.remove() }
        let rows = try f.store.read { db in
            try Row.fetchAll(db, sql: "SELECT \(AccessLogChain.columns), prev_hash, hash FROM access_log ORDER BY id")
        }
        #expect(rows.map { $0["id"] as Int64 } == [1, 2, 3, 4])
        #expect(rows[0]["prev_hash"] as String == AccessLogChain.genesis)
        for (before, row) in zip(rows, rows.dropFirst()) {
            #expect(row["prev_hash"] as String == before["hash"] as String)
        }
        for row in rows {
            let hash: String = row["hash"]
            #expect(hash.count == 64 && hash.allSatisfy(\.isHexDigit))
            #expect(AccessLogChain.hash(previous: row["prev_hash"], AccessLogChain.content(row)) == hash)
        }
        let head = try #require(try f.store.accessLogHead())
        #expect(head.rowId == 4 && head.hash == rows[3]["hash"] as String)
    }

    @Test func theCanonicalFormCannotBeShiftedBetweenFields() {
        let a = AccessLogChain.Content(id: 1, atMs: 2, staffId: "a,b", unitId: "c", patientId: nil, action: "read",
                                       detail: "", clientAddress: nil, sessionId: "s", emergency: false, reason: nil)
        var b = a
        b.staffId = "a"
        b.unitId = "b,c"
        var c = a
        c.clientAddress = ""
        #expect(AccessLogChain.canonical(a) != AccessLogChain.canonical(b))
        #expect(AccessLogChain.canonical(a) != AccessLogChain.canonical(c))
    }

    @Test func aLongUntouchedLogVerifies() throws {
        let f = try store(rows: 600)
        defer { f.remove() }
        let head = try #require(try f.store.accessLogHead())
        #expect(try f.store.verifyAccessLog() == .intact(rows: 601, head: head.hash))
        #expect(throws: (any Error).self) {
            try f.store.write { db in try db.execute(sql: "UPDATE access_log SET detail = 'x' WHERE id = 5") }
        }
        #expect(try f.store.verifyAccessLog() == .intact(rows: 601, head: head.hash))
    }

    @Test func aChangedRowIsFound() throws {
        let f = try store(rows: 20)
        defer { f.remove() }
        try tamper(f, "UPDATE access_log SET staff_id = 'maria.lind' WHERE id = 7")
        #expect(try f.store.verifyAccessLog() == .broken(rowId: 7, problem: .changed))
    }

    @Test func aRemovedRowIsFoundAtTheRowAfterIt() throws {
        let f = try store(rows: 20)
        defer { f.remove() }
        try tamper(f, "DELETE FROM access_log WHERE id = 9")
        #expect(try f.store.verifyAccessLog() == .broken(rowId: 10, problem: .removedBefore))
    }

    @Test func removingTheFirstRowIsFound() throws {
        let f = try store(rows: 5)
        defer { f.remove() }
        try tamper(f, "DELETE FROM access_log WHERE id = 1")
        #expect(try f.store.verifyAccessLog() == .broken(rowId: 2, problem: .removedBefore))
    }

    @Test func swappedRowsAreFound() throws {
        let f = try store(rows: 20)
        defer { f.remove() }
        try tamper(f, """
            UPDATE access_log SET id = -1 WHERE id = 6;
            UPDATE access_log SET id = 6 WHERE id = 12;
            UPDATE access_log SET id = 12 WHERE id = -1;
            """)
        #expect(try f.store.verifyAccessLog() == .broken(rowId: 6, problem: .reordered))
    }

    @Test func aRewrittenHashIsFound() throws {
        let f = try store(rows: 10)
        defer { f.remove() }
        try tamper(f, "UPDATE access_log SET hash = '\(String(repeating: "a", count: 64))' WHERE id = 4")
        #expect(try f.store.verifyAccessLog() == .broken(rowId: 4, problem: .changed))
    }

    @Test func aStoreLoggedUnderV1IsChainedByTheMigration() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nara-v1-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("old.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try Migrations.migrator.migrate(queue, upTo: SchemaV1.identifier)
            try queue.write { db in
                try StoreMeta.write(db, key: .kind, value: StoreKind.production.rawValue)
                for i in 1...250 {
                    try db.execute(sql: """
                        INSERT INTO access_log(at_ms, staff_id, unit_id, patient_id, action, detail, client_address,
                                               session_id, emergency, reason)
                        VALUES (?, 'karin.berg', 'SE2321000164-vc01', NULL, 'read', ?, ?, 's', ?, ?)
                        """, arguments: [1_700_000_000_000 + i, "record \(i)", i % 3 == 0 ? nil : "192.0.2.1",
                                         i % 7 == 0 ? 1 : 0, i % 7 == 0 ? "Akut, medvetslös" : nil])
                }
            }
            try queue.close()
        }
        let store = try SQLiteStore.open(at: path)
        guard case .intact(rows: 250, let head) = try store.verifyAccessLog() else {
            Issue.record("the migrated log does not verify")
            return
        }
        #expect(try store.accessLogHead()?.hash == head)
        try store.write { db in
            #expect(throws: (any Error).self) { try db.execute(sql: "UPDATE access_log SET detail = 'x'") }
        }
        try store.logEvent("after the upgrade", action: .export,
                           as: AccessContext(staffId: "karin.berg", unitId: "SE2321000164-vc01", sessionId: "s"))
        guard case .intact(rows: 251, _) = try store.verifyAccessLog() else {
            Issue.record("a row appended after the migration breaks the chain")
            return
        }
    }
}
