import Foundation
import GRDB
import NaraDomain
import Testing
@testable import NaraStore

/// A full disk, made with SQLite's own page limit (`PRAGMA max_page_count` on the
/// store's one writer connection), which works on any machine. The CLI tests add a
/// real full filesystem where they may mount one.
@Suite struct FullDiskStoreTests {
    @Test func aFullStoreRefusesWritesClearlyKeepsWhatWasSavedAndGoesOnReading() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        func encounter(_ i: Int) throws -> Encounter {
            try f.store.recordEncounter(NewEncounter(patientId: p.id, at: f.at(2026, 11, 1), mode: .phone, planned: false,
                                                     staffId: "karin.berg", unitId: StoreFixture.vc,
                                                     reason: "besök \(i) " + String(repeating: "x", count: 450)),
                                        as: f.nurse)
        }
        var saved: [Int64] = []
        for i in 0..<20 { saved.append(try encounter(i).id) }
        let pages = try f.store.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
        try f.store.write { db in _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(pages + 3)") }

        var refusal: (any Error)?
        for i in 20..<2000 {
            do { saved.append(try encounter(i).id) } catch { refusal = error; break }
        }
        #expect(refusal as? StoreError == .diskFull)
        #expect(String(describing: try #require(refusal)).contains("the disk is full: nothing was saved"))

        // The session goes on: everything saved before is there and reads; the file is sound.
        #expect(try f.store.integrityProblems().isEmpty)
        #expect(try f.store.searchPatients("öberg", limit: 5, as: f.nurse).map(\.id) == [p.id])
        if case .intact = try f.store.verifyAccessLog() {} else { Issue.record("the access log does not verify") }
        // Further writes are saved while the last free page lasts, then refused the same
        // way, never with any other error.
        var refusedAgain = 0
        for i in 0..<50 {
            do { saved.append(try encounter(5000 + i).id) } catch {
                #expect(error as? StoreError == .diskFull)
                refusedAgain += 1
            }
        }
        #expect(refusedAgain > 40)
        #expect(try f.store.integrityProblems().isEmpty)
        let stored = try f.store.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM encounter ORDER BY id") }
        #expect(stored == saved)
        #expect(try f.store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM access_log WHERE detail LIKE 'encounter [%'")
        } == saved.count)

        // Another session opened now sees all of it.
        let other = try SQLiteStore.open(at: f.path)
        #expect(try other.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM encounter") } == saved.count)

        // Space comes back: the same session saves again without reopening.
        try f.store.write { db in _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = 1000000") }
        let after = try encounter(10_000)
        #expect(try f.store.openRecord(p.id, as: f.nurse).encounters.contains { $0.id == after.id })
        #expect(try f.store.integrityProblems().isEmpty)
    }

    /// Opening a record writes its access-log row; on a full disk that row cannot be
    /// written, so the record is not shown rather than shown without a trace.
    @Test func onAFullStoreARecordIsNotOpenedWithoutItsLogRow() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        let pages = try f.store.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
        try f.store.write { db in _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(pages)") }
        var refusal: (any Error)?
        for _ in 0..<500 {
            do { _ = try f.store.openRecord(p.id, as: f.nurse) } catch { refusal = error; break }
        }
        #expect(refusal as? StoreError == .diskFull)
        if case .intact = try f.store.verifyAccessLog() {} else { Issue.record("the access log does not verify") }
    }
}
