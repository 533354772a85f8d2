import Foundation
import GRDB
import NaraDomain
import Testing
@testable import NaraStore

@Suite struct StoreFileTests {
    func tempPath(_ name: String = "s.sqlite") -> (URL, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nara-file-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (folder, folder.appendingPathComponent(name).path)
    }

    @Test func aMissingStoreIsAClearError() throws {
        let (folder, path) = tempPath()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: StoreError.missing(path: path)) { try SQLiteStore.open(at: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aFileThatIsNotADatabaseIsRefused() throws {
        let (folder, path) = tempPath()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("hello, this is a text file".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notAStore(path: path)) { try SQLiteStore.open(at: path) }
    }

    @Test func anotherProgramsDatabaseIsRefused() throws {
        let (folder, path) = tempPath()
        defer { try? FileManager.default.removeItem(at: folder) }
        let q = try DatabaseQueue(path: path)
        try q.write { db in try db.execute(sql: "CREATE TABLE t(x)") }
        try q.close()
        #expect(throws: StoreError.notAStore(path: path)) { try SQLiteStore.open(at: path) }
    }

    @Test func aTruncatedFileIsReportedAsDamaged() throws {
        let (folder, path) = tempPath()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("SQLite format 3\u{0}abc".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.corrupt(path: path, detail: "the file is truncated")) { try SQLiteStore.open(at: path) }
    }

    @Test func aStoreFromANewerVersionIsRefused() throws {
        let (folder, path) = tempPath()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore.open(at: path, mode: .createIfMissing(.production))
        try store.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99')") }
        #expect(throws: StoreError.newerSchema(path: path, found: "v99")) { try SQLiteStore.open(at: path) }
    }

    /// A store from the version before the one-letter name index: a look that may not
    /// write says it needs the upgrade, and the first writing open makes it.
    @Test func aStoreFromAnEarlierVersionIsUpgradedByTheFirstWritingOpen() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try f.patient(TestPnr.a, "Anna", "Svensson")
        try f.store.write { db in
            try SchemaV1.dropSearchTriggers(db)
            try db.execute(sql: """
                DROP TABLE patient_name_search;
                CREATE VIRTUAL TABLE patient_name_search USING fts5(
                    search_name, content = 'patient', content_rowid = 'id',
                    tokenize = "unicode61 remove_diacritics 0", prefix = '2 3');
                INSERT INTO patient_name_search(patient_name_search) VALUES ('rebuild');
                DELETE FROM grdb_migrations WHERE identifier = '\(SchemaNameSearchPrefixes.identifier)';
                """)
            try SchemaV1.createSearchTriggers(db)
        }
        #expect(throws: StoreError.olderSchema(path: f.path)) { try SQLiteStore.open(at: f.path, readOnly: true) }

        let upgraded = try SQLiteStore.open(at: f.path)
        let definition = try upgraded.read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'patient_name_search'")
        }
        #expect(definition?.contains("prefix = '1 2 3'") == true)
        #expect(try upgraded.searchPatients("s", limit: 50, as: f.nurse).map(\.name) == ["Anna Svensson"])
        #expect(try upgraded.searchPatients("a", limit: 50, as: f.nurse).map(\.name) == ["Anna Svensson"])
        try f.patient(TestPnr.b, "Bo", "Ek")
        #expect(try upgraded.searchPatients("e", limit: 50, as: f.nurse).map(\.name) == ["Bo Ek"])
        #expect(try SQLiteStore.open(at: f.path, readOnly: true).searchPatients("b", limit: 50, as: f.nurse).count == 1)
    }

    /// What an idle session gives back comes again at the next call: readers reopen,
    /// statements are prepared anew, writes chain on to the log.
    @Test func afterReleasingMemoryTheStoreReadsAndWritesAsBefore() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let anna = try f.patient(TestPnr.a, "Anna", "Svensson")
        #expect(try f.store.searchPatients("sv", limit: 50, as: f.nurse).count == 1)
        let before = try f.logCount()
        f.store.releaseMemory()
        #expect(try f.store.searchPatients("an", limit: 50, as: f.nurse).map(\.name) == ["Anna Svensson"])
        #expect(try f.store.patientID(for: PersonIdentifier.parse(TestPnr.a, today: f.today)) == anna.id)
        f.store.releaseMemory()
        try f.patient(TestPnr.b, "Bo", "Ek")
        #expect(try f.logCount() > before)
        #expect(try f.store.integrityProblems().isEmpty)
    }

    @Test func aNewStoreIsWALWithForeignKeysAndNormalSync() throws {
        let (folder, path) = tempPath()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore.open(at: path, mode: .createIfMissing(.production))
        #expect(store.kind == .production)
        let pragmas = try store.write { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"),
             try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(pragmas.0 == "wal")
        #expect(pragmas.1 == 1)
        #expect(pragmas.2 == 1)
        #expect(try store.write { db in try Int.fetchOne(db, sql: "PRAGMA journal_size_limit") } == 8 * 1024 * 1024)
        #expect(try store.integrityProblems().isEmpty)
        let reopened = try SQLiteStore.open(at: path)
        #expect(reopened.kind == .production)
    }

    @Test func aReadOnlyOpenReadsButRefusesWrites() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let ro = try SQLiteStore.open(at: f.path, readOnly: true)
        #expect(try ro.units().count == 4)
        #expect(throws: StoreError.readOnly(path: f.path)) {
            try ro.addUnit(CareUnit(id: "x", name: "X", principal: .region, kind: .other))
        }
    }

    @Test func theChangeWatcherSeesAnotherConnectionsCommit() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let other = try SQLiteStore.open(at: f.path)
        let scope = ChangeScope(unit: "SE1-new")
        let before = try f.store.changeStamp(scope)
        #expect(try f.store.changeStamp(scope) == before)
        try other.addUnit(CareUnit(id: "SE1-new", name: "Ny enhet", principal: .region, kind: .other))
        let after = try f.store.changeStamp(scope)
        #expect(after.unit > before.unit)
        #expect(try f.store.changeStamp(scope) == after)
    }

    @Test func manyConnectionsMigratingANewFileAtOnceAllSucceed() async throws {
        let (folder, path) = tempPath()
        defer { try? FileManager.default.removeItem(at: folder) }
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask { (try? SQLiteStore.open(at: path, mode: .createIfMissing(.production))) != nil }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: 8))
        let store = try SQLiteStore.open(at: path)
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations") } == Migrations.knownIdentifiers.count)
    }

    @Test func twoConnectionsWritingAtOnceLoseNothing() async throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        let path = f.path, nurse = f.nurse, at = f.at(2026, 11, 1)
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<2 {
                group.addTask {
                    guard let store = try? SQLiteStore.open(at: path) else { return }
                    for i in 0..<100 {
                        _ = try? store.recordEncounter(NewEncounter(patientId: p.id, at: at, mode: .phone, planned: false,
                                                                    staffId: "karin.berg", unitId: StoreFixture.vc,
                                                                    reason: "skrivare \(writer) \(i)"), as: nurse)
                    }
                }
            }
        }
        #expect(try f.store.openRecord(p.id, as: f.nurse).encounters.count == 200)
    }
}
