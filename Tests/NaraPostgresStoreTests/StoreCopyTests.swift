import Foundation
@testable import NaraDomain
import NaraPostgresTesting
import Testing
@testable import NaraPostgresStore
@testable import NaraStore

/// `StoreCopy` between the two stores: a demo file into PostgreSQL and out again into a
/// new file keeps every row, every id and the access log's head, and the log verifies.
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct StoreCopyTests {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nara-copy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func demo(in folder: URL, patients: Int) throws -> SQLiteStore {
        let path = folder.appendingPathComponent("demo.sqlite").path
        let today = LocalDate(year: 2026, month: 11, day: 23)!
        _ = try DemoGenerator.build(at: path, options: DemoOptions(patients: patients, seed: 5, today: today), force: false)
        let store = try SQLiteStore.open(at: path)
        // The demo has no log yet: a few rows, so there is a chain and a head to carry.
        let user = try #require(store.demoUser)
        let unit = try #require(try store.staff(user)).unitId
        for n in 1...25 {
            try store.logEvent("copy test \(n)", action: .export,
                               as: AccessContext(staffId: user, unitId: unit, sessionId: "copy"))
        }
        return store
    }

    static func tableCounts(_ store: any CopyableStore) throws -> [String: Int] {
        Dictionary(uniqueKeysWithValues: try store.copyTables().map { ($0.name, try store.rowCount($0.name)) })
    }

    @Test func sqliteToPostgresAndBackKeepsRowsIdsAndTheLogHead() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try Self.demo(in: folder, patients: 150)
        let pg = try PG.store()
        let there = try StoreCopy.run(from: source, to: pg)
        #expect(there.matches)
        #expect(there.sourceHead != nil)
        #expect(try pg.counts().map(\.rows) == source.counts().map(\.rows))
        #expect(try pg.copyStoreKind() == .demo)

        let back = try SQLiteStore.open(at: folder.appendingPathComponent("back.sqlite").path,
                                        mode: .createIfMissing(.demo))
        let again = try StoreCopy.run(from: pg, to: back)
        #expect(again.matches)
        #expect(again.targetHead?.hash == there.sourceHead?.hash)
        #expect(try Self.tableCounts(back) == Self.tableCounts(source))
        #expect(try back.integrityProblems().isEmpty)
        #expect(try back.meta(.instance) == source.meta(.instance))
        #expect(try back.meta(.demoUser) == source.meta(.demoUser))

        // The ids stay, and a new row gets one past the largest copied.
        let ids = "SELECT id FROM nara.patient ORDER BY id DESC LIMIT 1"
        let largest = try PG.admin(pg, ids).first?.decode(Int64.self)
        #expect(largest == (try source.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM patient") }))
        let next = try PG.admin(pg, "SELECT nextval(pg_get_serial_sequence('nara.patient', 'id'))").first?
            .decode(Int64.self)
        #expect(next == largest.map { $0 + 1 })
        // The name index is the store's own, filled again from the copied patients.
        let words = try PG.admin(pg, "SELECT count(*) FROM nara.patient_name_word").first?.decode(Int64.self) ?? 0
        #expect(words > 0)
    }

    @Test func aTargetThatHoldsDataIsRefusedAndLeftAsItWas() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try Self.demo(in: folder, patients: 20)
        let pg = try PG.store()
        #expect(try StoreCopy.run(from: source, to: pg).matches)
        let before = try pg.counts().map(\.rows)
        #expect {
            try StoreCopy.run(from: source, to: pg)
        } throws: { error in
            "\(error)".contains("not empty")
        }
        #expect(try pg.counts().map(\.rows) == before)
    }

    @Test func aFailedCopyLeavesTheTargetEmpty() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try Self.demo(in: folder, patients: 20)
        // Encounters the target refuses stop the copy in its one transaction, after the
        // units, the staff, the log and the patients were written.
        let pg = try PG.store()
        try PG.admin(pg, "ALTER TABLE nara.encounter ADD CONSTRAINT copy_test_refuses CHECK (false) NOT VALID")
        #expect(throws: (any Error).self) { try StoreCopy.run(from: source, to: pg) }
        #expect(try pg.counts().allSatisfy { $0.rows == 0 })
    }

    @Test func tablesFollowTheirReferences() throws {
        let tables = [CopyTable(name: "b", columns: ["id"], references: ["a", "b"]),
                      CopyTable(name: "a", columns: ["id"], references: []),
                      CopyTable(name: "c", columns: ["id"], references: ["b"])]
        #expect(try StoreCopy.dependencyOrder(tables).map(\.name) == ["a", "b", "c"])
        #expect(throws: StoreError.self) {
            try StoreCopy.dependencyOrder([CopyTable(name: "x", columns: [], references: ["y"]),
                                           CopyTable(name: "y", columns: [], references: ["x"])])
        }
    }
}
