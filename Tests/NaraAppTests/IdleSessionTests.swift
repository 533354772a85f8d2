import Foundation
import GRDB
import NaraApp
import NaraDomain
import NaraStore
import Testing

/// A session left open for hours on a busy server: between keys it must hold no read
/// transaction, or the WAL could never be checkpointed back to its start and would grow
/// with every other session's commit (TERMINAL.md). The idle session here is the real
/// app on the real store code, ticking as the loop does while no key comes.
@Suite(.serialized) struct IdleSessionTests {
    static let writes = 3000

    /// Commits `writes` encounters (each with its access-log row) from another
    /// connection, ticking the idle app every 50, and returns the WAL's size in bytes.
    func walAfterWriters(_ f: AppFixture, between: () throws -> Void = {}) throws -> Int {
        let other = try SQLiteStore.open(at: f.store.path)
        let colleague = AccessContext(staffId: "karin.berg", unitId: AppFixture.vc, sessionId: "colleague")
        let patient = try #require(try other.searchPatients("åström", limit: 1, as: testNurse).first?.id)
        for i in 0..<Self.writes {
            _ = try other.recordEncounter(NewEncounter(patientId: patient, at: Date(timeIntervalSince1970: 1_790_000_000),
                                                       mode: .phone, planned: false, staffId: "karin.berg",
                                                       unitId: AppFixture.vc, reason: "Samtal \(i)"), as: colleague)
            if i % 50 == 0 { f.app.handle(.tick) }
            try between()
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: f.store.path + "-wal")
        return (attributes[.size] as? Int) ?? -1
    }

    @Test func anIdleSessionWithARecordOpenLetsTheWALBeCheckpointed() throws {
        let f = try AppFixture()
        defer { f.remove() }
        f.type("öberg")
        f.press(.enter)
        #expect(f.app.state.patient != nil)
        let wal = try walAfterWriters(f)
        print("WAL after \(Self.writes) commits around an idle session: \(wal) bytes")
        // wal_autocheckpoint is 1000 pages of 4 KiB: a WAL that is reset after each
        // checkpoint stays near 4 MiB however many commits come.
        #expect(wal > 0)
        #expect(wal < 6 * 1024 * 1024)
        #expect(f.text.contains("Åsa Öberg"))
    }

    /// The same writers with one connection holding a read transaction, as a session
    /// that kept one open while waiting for a key would: the WAL grows past the bound
    /// above, so the test above would fail if the session pinned it.
    @Test func aSessionHoldingAReadTransactionWouldMakeTheWALGrow() throws {
        let f = try AppFixture()
        defer { f.remove() }
        let pinning = try DatabaseQueue(path: f.store.path)
        let wal = try pinning.inDatabase { db in
            try db.beginTransaction(.deferred)
            _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM patient")
            defer { try? db.rollback() }
            return try walAfterWriters(f)
        }
        print("WAL after \(Self.writes) commits with a reader pinning it: \(wal) bytes")
        #expect(wal > 6 * 1024 * 1024)
    }
}
